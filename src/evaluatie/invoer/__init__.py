"""Invoer: how data gets in — the evaluator's form (state and view), the importers (dashboard pages, Excel) and the
fictional example data. Uses every layer below it; only `cli` sits above."""
