"""The shell around the areas: what their controllers share (`context.py`) and how each makes
its actions (`actions.py`). The main window only hosts pages and menus."""
