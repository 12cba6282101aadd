"""The form's "Rapport maken", timed in the browser through the app (`make bench-rapport`).

    .venv/bin/python bench/rapportknop.py --keer 5

Starts `evaluatie invullen` on a copy of data/, opens it in headless Debian chromium, loads a partnership-year and
then, `--keer` times: changes an amount, saves, and clicks "Rapport maken" — timed from the click until the link to
the new report shows. The first click is printed apart (the report kernel may still be starting). Also times one
report (HTML + PDF) from a cold process: `evaluatie rapporteer` for a gemeente with one partnership.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from appstart import vrije_poort, wacht
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def klikken(map_: Path, keer: int) -> tuple[float, list[float]]:
    shutil.copytree(ROOT / "data", map_ / "data")
    poort = vrije_poort()
    app = subprocess.Popen(
        [BIN / "evaluatie", "invullen", str(map_ / "data"), "--poort", str(poort)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=map_,
    )
    try:
        wacht(f"http://127.0.0.1:{poort}/voila/static/voila.js", 60)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
            p = browser.new_page(viewport={"width": 1280, "height": 900})
            p.set_default_timeout(120_000)
            p.goto(f"http://127.0.0.1:{poort}/")
            p.wait_for_selector(".evaluatie-formulier select")
            keuzes = p.locator(".evaluatie-formulier select")
            keuzes.nth(0).select_option(label="voorbeeldstad")
            p.wait_for_function("() => document.querySelectorAll('.evaluatie-formulier select')[1].disabled === false")
            keuzes.nth(1).select_option(label="Stichting Cultuurpodium Het Anker")
            p.wait_for_function("() => document.querySelectorAll('.evaluatie-formulier select')[2].disabled === false")
            keuzes.nth(2).select_option(label="2024")
            p.wait_for_selector(".kernbeeld")
            tijden = []
            for i in range(keer + 1):
                p.fill(".evaluatie-kosten-0-realisatie input", f"{850 + i}.000")
                p.click(".evaluatie-bewaar")
                p.wait_for_function(
                    "() => document.querySelector('.evaluatie-melding')?.textContent.includes('Bewaard')"
                )
                t = time.perf_counter()
                p.click(".evaluatie-rapport")
                try:
                    p.wait_for_function(
                        "() => document.querySelector('.evaluatie-melding')?.textContent.includes('Rapport gemaakt')"
                    )
                except Exception:
                    raise SystemExit("geen rapport: " + p.inner_text(".evaluatie-melding")) from None
                tijden.append(time.perf_counter() - t)
            browser.close()
    finally:
        app.terminate()
        app.wait(timeout=30)
    return tijden[0], tijden[1:]


def koud_rapport(map_: Path, keer: int) -> list[float]:
    tijden = []
    for i in range(keer):
        uit = map_ / f"koud-{i}"
        t = time.perf_counter()
        opdracht = [BIN / "evaluatie", "rapporteer", str(ROOT / "data"), "--gemeente", "venlo", "--naar", str(uit)]
        subprocess.run([*opdracht, "--werkers", "1", "--stil"], check=True, capture_output=True)
        tijden.append(time.perf_counter() - t)
    return tijden


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--keer", type=int, default=5, help="klikken na de eerste (standaard 5)")
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-rapport-") as tmp:
        eerste, later = klikken(Path(tmp), args.keer)
        koud = koud_rapport(Path(tmp), 3)
    print(f"Rapport maken in de browser, eerste klik: {eerste:.2f} s")
    print(f"Rapport maken, volgende {len(later)} klikken: " + ", ".join(f"{t:.2f}" for t in later) + " s")
    print(f"  mediaan {statistics.median(later):.2f} s, slechtste {max(later):.2f} s")
    print("Eén rapport (HTML + PDF) uit een koud proces: " + ", ".join(f"{t:.2f}" for t in koud) + " s")
    print(f"  mediaan {statistics.median(koud):.2f} s")


if __name__ == "__main__":
    main()
