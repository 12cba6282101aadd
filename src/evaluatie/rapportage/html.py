"""A small HTML value that notebooks display as HTML and templates insert without escaping it again."""

from __future__ import annotations

from markupsafe import Markup


class Html(Markup):
    """Already-escaped HTML; Jupyter shows it through `_repr_html_`."""

    def _repr_html_(self) -> str:
        return str(self)
