"""Cost that grows with the work, not faster: `nieuwjaar` and one report (HTML + PDF) of a partnership with many
actions in its ontwikkelagenda, at N and 2N actions.

    make bench-acties            # N = 5 000 and 10 000
    .venv/bin/python bench/acties.py --aantal 10000

Prints the wall seconds of each command at both sizes (median of `--herhaal` runs) and the ratio 2N / N: linear
cost gives about 2 (a little less: starting the command is a fixed part); quadratic cost gives 4.
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

EVALUATIE = Path(sys.executable).parent / "evaluatie"


def gegevens(map_: Path, aantal: int) -> Path:
    """A data folder with one partnership of our own: 2024 with `aantal` open actions, each on its own line."""
    (map_ / "bench").mkdir(parents=True)
    regels = ["naam: Veel afspraken", "jaren:", "  2024:", "    acties:"]
    regels += [
        f"      - {{omschrijving: Afspraak {i}, eigenaar: B. Jansen, termijn: 2025-06-30, status: open}}"
        for i in range(aantal)
    ]
    (map_ / "bench" / "veel.yaml").write_text("\n".join(regels) + "\n", encoding="utf-8")
    return map_


def tijd(*args: str) -> float:
    begin = time.perf_counter()
    subprocess.run([EVALUATIE, *args], check=True, capture_output=True)
    return time.perf_counter() - begin


def meet(aantal: int, herhaal: int) -> dict[str, float]:
    uit: dict[str, list[float]] = {"nieuwjaar": [], "rapport": []}
    for _ in range(herhaal):
        with tempfile.TemporaryDirectory() as werk:
            data = gegevens(Path(werk) / "data", aantal)
            uit["nieuwjaar"].append(tijd("nieuwjaar", str(data), "--gemeente", "bench"))
            shutil.rmtree(data)
            data = gegevens(Path(werk) / "data", aantal)
            rapport = ["rapporteer", str(data), "--naar", str(Path(werk) / "r"), "--werkers", "1", "--stil"]
            uit["rapport"].append(tijd(*rapport))
    return {k: statistics.median(v) for k, v in uit.items()}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--aantal", type=int, default=5000, help="N: acties in de kleine meting (de grote: 2N)")
    p.add_argument("--herhaal", type=int, default=3)
    args = p.parse_args()
    klein, groot = meet(args.aantal, args.herhaal), meet(2 * args.aantal, args.herhaal)
    for wat in ("nieuwjaar", "rapport"):
        print(
            f"{wat:10} {args.aantal} acties: {klein[wat]:.1f} s   {2 * args.aantal} acties: {groot[wat]:.1f} s   "
            f"verhouding {groot[wat] / klein[wat]:.2f} (lineair ≈ 2, kwadratisch ≈ 4)"
        )


if __name__ == "__main__":
    main()
