"""Help inside the app: the guide (F1), its per-phase pages, and the generated keyboard list."""
