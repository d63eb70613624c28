"""The perspective page's parts: item picker, chips, contribution cards, and its edits."""
