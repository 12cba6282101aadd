"""A small HTML value that notebooks display as HTML and templates insert without escaping it again."""

from __future__ import annotations

from markupsafe import Markup


class Html(Markup):
    """Already-escaped HTML; Jupyter shows it through `_repr_html_`."""

    def _repr_html_(self) -> str:
        return str(self)

    def _repr_pretty_(self, p: object, cycle: bool) -> None:
        """A short text/plain beside the HTML: by default IPython would send the whole markup a second time as
        its repr (a chart's SVG is ~100 KB), which costs more than drawing it."""
        p.text(f"<HTML-fragment, {len(self)} tekens>")
