"""evaluatie: Jupyter-based evaluation of municipal partnerships (samenwerkingsverbanden) for the raad.

One import-time setting for the whole package: nbformat imports jsonschema's format checkers, and with them
`rfc3987_syntax` (pulled in by jupyter-events), which builds some thirty Earley parsers on import — 1.5 s of CPU in
every process that renders, more than five reports' work. No notebook schema checks the `iri` formats it serves, so
jsonschema is told it is not installed and leaves those two formats unchecked (jsonschema issues #1392 and #1428).
"""

import sys

sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[assignment]  # None: "import fails", by Python's rules
