"""Render benchmark: the naive papermill + nbconvert CLI loop against `evaluatie rapporteer`.

    make bench                    # 100 fictional partnerships
    .venv/bin/python bench/bench.py --aantal 100 --steekproef 5

Prints seconds per report for each way and, as its last line, the speed-up over the naive loop. Every figure is
measured on this machine in this run; nothing is asserted. The naive loop and the papermill pool are run on a sample
(they are slow); their per-report time is what is compared. The cold run of `evaluatie rapporteer` is repeated
(`--herhaal`, 3 by default) and its median is compared.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from evaluatie.invoer.voorbeelddata import genereer
from evaluatie.uitvoering.render import html_exporter
from evaluatie.uitvoering.taak import NOTEBOOK

BIN = Path(sys.executable).parent
MAP = "uitvoer/rapporten"  # its own folder: bench-schaal keeps its 163 MB set in uitvoer/schaal


def naief(data: Path, gemeente: str, ids: list[str], jaar: int, uit: Path) -> float:
    """papermill CLI, then jupyter nbconvert CLI, per report: what one would write first."""
    uit.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for sw in ids:
        nb = uit / f"{sw}.ipynb"
        subprocess.run(
            [
                BIN / "papermill",
                NOTEBOOK,
                nb,
                "-p",
                "gemeente",
                gemeente,
                "-p",
                "samenwerking",
                sw,
                "-p",
                "jaar",
                str(jaar),
                "-p",
                "data_dir",
                str(data.resolve()),
                "--cwd",
                NOTEBOOK.parent,
                "--no-progress-bar",
            ],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [BIN / "jupyter", "nbconvert", "--to", "html", "--no-input", nb], check=True, capture_output=True
        )
    return (time.perf_counter() - start) / len(ids)


def _papermill_api(taak: tuple[str, str, str, int, str]) -> None:
    import papermill

    data, gemeente, sw, jaar, uit = taak
    nb = papermill.execute_notebook(
        str(NOTEBOOK),
        None,
        parameters={"gemeente": gemeente, "samenwerking": sw, "jaar": jaar, "data_dir": data},
        progress_bar=False,
        cwd=str(NOTEBOOK.parent),
    )
    body, _ = html_exporter().from_notebook_node(nb, resources={"metadata": {"name": sw}, "evaluatie_css": ""})
    Path(uit, f"{sw}.html").write_text(body, encoding="utf-8")


def papermill_pool(data: Path, gemeente: str, ids: list[str], jaar: int, uit: Path) -> float:
    """papermill's Python API in a pool of 2 processes: a fresh kernel per report, no CLI start-up."""
    uit.mkdir(parents=True, exist_ok=True)
    taken = [(str(data.resolve()), gemeente, sw, jaar, str(uit)) for sw in ids]
    start = time.perf_counter()
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_papermill_api, taken))
    return (time.perf_counter() - start) / len(ids)


def evaluatie(data: Path, uit: Path, jaar: int, aantal: int, *extra: str) -> float:
    """The shipped command, as a user runs it (process start, data loading and kernel warm-up included)."""
    start = time.perf_counter()
    subprocess.run(
        [
            BIN / "evaluatie",
            "rapporteer",
            data,
            "--naar",
            uit,
            "--jaar",
            str(jaar),
            "--formaat",
            "html",
            "--stil",
            *extra,
        ],
        check=True,
        capture_output=True,
    )
    return (time.perf_counter() - start) / aantal


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--aantal", type=int, default=100, help="fictieve samenwerkingen (standaard 100)")
    p.add_argument("--steekproef", type=int, default=5, help="rapporten voor de trage manieren (standaard 5)")
    p.add_argument("--herhaal", type=int, default=3, help="koude runs van evaluatie rapporteer (standaard 3)")
    p.add_argument("--map", type=Path, default=Path(__file__).parent / MAP)
    args = p.parse_args()

    shutil.rmtree(args.map, ignore_errors=True)
    data = args.map / "data"
    paden = genereer(data, gemeenten=1, per=args.aantal, jaren=1, eerste_jaar=2024)
    gemeente = paden[0].parent.name
    ids = [pad.stem for pad in paden]
    steekproef = ids[: args.steekproef]
    werkers = len(os.sched_getaffinity(0))
    print(
        f"{args.aantal} fictieve samenwerkingen, {werkers} kernen, steekproef {len(steekproef)} voor de trage manieren"
    )

    t_naief = naief(data, gemeente, steekproef, 2024, args.map / "naief")
    print(f"naïef (papermill-CLI + nbconvert-CLI per rapport):  {t_naief:6.2f} s/rapport")
    t_pool = papermill_pool(data, gemeente, ids[: 2 * args.steekproef], 2024, args.map / "pool")
    print(f"papermill-API, pool van 2 processen:                {t_pool:6.2f} s/rapport")
    uit = args.map / "reports"
    # The same cold run several times: on a shared machine one run can be 15 % off; the median is the figure.
    koud = [evaluatie(data, uit, 2024, args.aantal, "--opnieuw") for _ in range(args.herhaal)]
    t_koud = statistics.median(koud)
    print(
        f"evaluatie rapporteer, alles opnieuw ({werkers} werkers):     {t_koud:6.3f} s/rapport "
        f"({t_koud * args.aantal:.1f} s voor {args.aantal}; mediaan van {', '.join(f'{t:.3f}' for t in koud)})"
    )
    t_warm = evaluatie(data, uit, 2024, args.aantal)
    print(
        f"evaluatie rapporteer, niets veranderd (cache):      {t_warm:6.3f} s/rapport "
        f"({t_warm * args.aantal:.1f} s voor {args.aantal})"
    )
    print(f"t.o.v. de papermill-pool: {t_pool / t_koud:.1f}× sneller")
    print(
        f"versnelling: {t_naief / t_koud:.1f}× sneller dan de naïeve lus ({args.aantal} rapporten, HTML, koud; "
        f"met cache {t_naief / t_warm:.0f}×)"
    )


if __name__ == "__main__":
    main()
