"""The evaluator's form: `staat` (everything it knows and decides, no widgets) and `scherm` (the ipywidgets view)."""
