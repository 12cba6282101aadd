"""Rapportage: what the raad and researchers read — report sections, charts, the yearly overview, the comparison and
the tidy tables, with their templates. Uses `domein`, `regels` and `opslag`; knows nothing of kernels or batches."""
