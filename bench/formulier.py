"""Many evaluators at once: the form under load, in real browser tabs (`make bench-formulier`).

    .venv/bin/python bench/formulier.py --tabs 10

Starts `evaluatie invullen` on a fresh data set with a partnership per tab, opens `--tabs` tabs at once in headless
Debian chromium (each its own browser context: its own cookies and cache, as separate evaluators; `--een-browser`:
tabs of one browser), and in each: loads its
partnership, types an amount and saves. "Laden" is from navigation until the partnership's fields are editable;
"bewaren" from the click until the form says it saved. Prints the median and worst of each, the memory of the app's
whole process tree (PSS: shared pages counted once) before the tabs, with every form open, and at its peak, the
memory per open form and how many fit in 4 GB, and whether every save landed.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from appstart import vrije_poort, wacht
from playwright.async_api import async_playwright
from procesboom import pss

from evaluatie.opslag.laden import laad_gegevens

BIN = Path(sys.executable).parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
MIB = 2**20


class Meter(threading.Thread):
    """Samples the app's tree every 200 ms; `piek` is the highest."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.piek, self.stop = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.piek = max(self.piek, pss(self.pid))
            time.sleep(0.2)


async def tab(
    browser, gedeeld, basis: str, keuze: tuple[str, str], tijden: dict[str, list[float]], uitkomsten: list[str]
) -> None:
    gemeente, samenwerking = keuze
    context = gedeeld or await browser.new_context(viewport={"width": 1280, "height": 900})
    p = await context.new_page()
    p.set_default_timeout(120_000)
    t = time.perf_counter()
    await p.goto(f"{basis}/")
    keuzes = p.locator(".evaluatie-formulier select")
    await keuzes.nth(0).select_option(label=gemeente)
    await p.wait_for_function("() => document.querySelectorAll('.evaluatie-formulier select')[1].disabled === false")
    await keuzes.nth(1).select_option(label=samenwerking)
    await p.wait_for_function("() => document.querySelectorAll('.evaluatie-formulier select')[2].disabled === false")
    await keuzes.nth(2).select_option(index=1)
    await p.wait_for_selector(".evaluatie-kosten-0-realisatie input:not([disabled])")
    tijden["laden"].append(time.perf_counter() - t)
    await p.fill(".evaluatie-kosten-0-realisatie input", "123.456")
    await p.wait_for_function(
        "() => document.querySelector('.evaluatie-status')?.textContent.includes('Niet bewaarde wijzigingen')"
    )
    t = time.perf_counter()
    await p.click(".evaluatie-bewaar")
    await p.wait_for_function(
        "() => /Bewaard|Niet bewaard/.test(document.querySelector('.evaluatie-melding')?.textContent || '')"
    )
    tijden["bewaren"].append(time.perf_counter() - t)
    uitkomsten.append(await p.inner_text(".evaluatie-melding"))
    await (p.close() if gedeeld else context.close())


async def meet(basis: str, samenwerkingen: list[tuple[str, str]], een_browser: bool) -> dict:
    tijden: dict[str, list[float]] = {"laden": [], "bewaren": []}
    uitkomsten: list[str] = []
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        gedeeld = await browser.new_context(viewport={"width": 1280, "height": 900}) if een_browser else None
        await asyncio.gather(*(tab(browser, gedeeld, basis, k, tijden, uitkomsten) for k in samenwerkingen))
        await browser.close()
    return {"tijden": tijden, "uitkomsten": uitkomsten}


def main() -> None:
    a = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    a.add_argument("--tabs", type=int, default=10)
    a.add_argument(
        "--een-browser",
        action="store_true",
        help="alle tabbladen in één browser (gedeelde cache); standaard elk een eigen, zoals aparte evaluatoren",
    )
    args = a.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        subprocess.run(
            [BIN / "evaluatie", "voorbeelddata", "--gemeenten", "1", "--per", str(args.tabs), "--naar", str(data)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        samenwerkingen = [(sw.gemeente, sw.naam) for sw in laad_gegevens(data).samenwerkingen][: args.tabs]
        poort = vrije_poort()
        app = subprocess.Popen(
            [BIN / "evaluatie", "invullen", str(data), "--poort", str(poort), "--max-formulieren", str(args.tabs)],
            stdout=(Path(tmp) / "app.log").open("w"),
            stderr=subprocess.STDOUT,
            cwd=tmp,
        )
        try:
            wacht(f"http://127.0.0.1:{poort}/voila/static/voila.js", 60)
            time.sleep(1)
            voor = pss(app.pid)
            meter = Meter(app.pid)
            meter.start()
            try:
                uitslag = asyncio.run(meet(f"http://127.0.0.1:{poort}", samenwerkingen, args.een_browser))
            except Exception:
                print((Path(tmp) / "app.log").read_text()[-5000:])
                raise
            open_ = pss(app.pid)  # the tabs closed their contexts; kernels go as Voilà shuts them down
            meter.stop.set()
            meter.join()
        finally:
            app.terminate()
            app.wait(timeout=60)
    laden, bewaren = uitslag["tijden"]["laden"], uitslag["tijden"]["bewaren"]
    gelukt = sum("Bewaard" in u for u in uitslag["uitkomsten"])
    geweigerd = [u for u in uitslag["uitkomsten"] if "Bewaard" not in u]
    per_formulier = (meter.piek - voor) / args.tabs
    soort = "in één browser" if args.een_browser else "elk in een eigen browsercontext"
    print(f"{args.tabs} tabbladen tegelijk, {soort}, elk een eigen samenwerking:")
    print(
        f"  laden   (tot de velden bewerkbaar zijn): mediaan {statistics.median(laden):5.2f} s, "
        f"slechtst {max(laden):5.2f} s"
    )
    print(
        f"  bewaren (klik tot 'Bewaard'):          mediaan {statistics.median(bewaren):5.2f} s, "
        f"slechtst {max(bewaren):5.2f} s"
    )
    print(f"  bewaard: {gelukt} van {args.tabs}; geweigerd met een melding: {len(geweigerd)}")
    for u in geweigerd:
        print(f"    {u}")
    print(
        f"  geheugen van de app (PSS, hele procesboom): zonder formulieren {voor / MIB:.0f} MiB, "
        f"piek {meter.piek / MIB:.0f} MiB, na het sluiten van de tabbladen {open_ / MIB:.0f} MiB"
    )
    print(
        f"  per open formulier (formulierkernel + rapportkernel): {per_formulier / MIB:.0f} MiB; "
        f"in 4 GB passen er {int((4096 * MIB - voor) // per_formulier)}"
    )


if __name__ == "__main__":
    main()
