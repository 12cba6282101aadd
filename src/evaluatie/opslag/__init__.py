"""Opslag: reading and writing the partnership files in `data/` (YAML, atomic writes, history) and content hashes.
Uses only `domein`."""
