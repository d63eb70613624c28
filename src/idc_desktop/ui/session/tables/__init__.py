"""What the frame and plan pages' editable tables share: the quick-add row above a table,
the table's keys, role pickers, and syncing a model's rows with the smallest change."""
