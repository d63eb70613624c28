"""The interchange format, version 1 (docs/INTERCHANGE.md): `import` and `export --format json`.

The public face of the format; the reader (on json_fields.py's strict JSON reading) and the
writer live in their own modules.
`parse_document(dump_document(bundles))` gives bundles that dump to the same text.
"""

from idc_desktop.export.interchange_read import FORMAT_NAME, FORMAT_VERSION, parse_document
from idc_desktop.export.interchange_write import (
    bundle_to_dict,
    document_to_dict,
    dump_document,
)
from idc_desktop.export.json_fields import InterchangeError

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "InterchangeError",
    "bundle_to_dict",
    "document_to_dict",
    "dump_document",
    "parse_document",
]
