"""The years the workbook accepts: in the model, on the command line and in every import (plain Python, so the
command line can check `--jaar` without loading the model)."""

EERSTE_JAAR, LAATSTE_JAAR = 1990, 2100
