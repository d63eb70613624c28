"""Exports and imports: interchange JSON (v1), PDF, CSV. Depends on `domain` only.

Kept empty on purpose: import the module you need (`idc_desktop.export.interchange`),
so reading a JSON file never loads reportlab.
"""
