"""Headless Debian chromium through Playwright (Playwright's own browser download does not work here)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
VLAGGEN = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def pagina() -> Iterator[object]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=VLAGGEN)
        try:
            yield browser.new_page(viewport={"width": 1280, "height": 900})
        finally:
            browser.close()


def kies(p: object, samenwerking: str, jaar: str = "2024", gemeente: str = "voorbeeldstad") -> None:
    """Choose gemeente, partnership and year in the form, each once the one before has enabled it, and wait until
    the year's fields are there."""
    keuzes = p.locator(".evaluatie-formulier select")
    keuzes.nth(0).select_option(label=gemeente)
    p.wait_for_function("() => document.querySelectorAll('.evaluatie-formulier select')[1].disabled === false")
    keuzes.nth(1).select_option(label=samenwerking)
    # The year list is the new partnership's once the form has emptied it (back to its first choice, "Kies …"):
    # choosing from the list of the partnership before would be undone a moment later.
    p.wait_for_function(
        "() => { const s = document.querySelectorAll('.evaluatie-formulier select')[2];"
        " return !s.disabled && s.selectedIndex === 0 && !document.querySelector('.evaluatie-kosten-0-realisatie'); }"
    )
    keuzes.nth(2).select_option(label=jaar)
    p.wait_for_selector(".evaluatie-kosten-0-realisatie input")
