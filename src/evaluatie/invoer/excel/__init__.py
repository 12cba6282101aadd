"""An Excel workbook of a gemeente's partnerships, for people who live in Excel: export, edit, import back.

One sheet per kind of row, Dutch headers, drop-down lists for the fields with a fixed scale (`bladen`); `schrijven`
writes it, `lezen` reads it back with cell-precise errors. Export then import gives the same data.
"""

from evaluatie.invoer.excel.bladen import BLADEN
from evaluatie.invoer.excel.lezen import lees_excel, lees_werkmap
from evaluatie.invoer.excel.schrijven import exporteer_excel

__all__ = ["BLADEN", "exporteer_excel", "lees_excel", "lees_werkmap"]
