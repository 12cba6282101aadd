"""Scale benchmark for researchers: tidy export of 350 gemeenten × 60 partnerships × 5 years.

    make bench-schaal
    .venv/bin/python bench/schaal.py --gemeenten 350 --per 60 --jaren 5

Generates the fictional set once (kept in bench/uitvoer/), then times the export of all tidy tables to parquet
(reading, validating and evaluating every partnership-year): one worker without cache on a sample (before), all
cores without cache (cold), and with the content-keyed cache (warm, nothing changed). Prints what it measured.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def exporteer(data: list[Path], naar: Path, *extra: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [BIN / "evaluatie", "exporteer", "tidy", *data, "--naar", naar, *extra], check=True, capture_output=True
    )
    return time.perf_counter() - start


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--gemeenten", type=int, default=350)
    p.add_argument("--per", type=int, default=60)
    p.add_argument("--jaren", type=int, default=5)
    p.add_argument("--steekproef", type=int, default=20, help="gemeenten voor de meting 'voor' (1 werker)")
    p.add_argument("--map", type=Path, default=Path(__file__).parent / "uitvoer" / "schaal")
    args = p.parse_args()

    data = args.map / f"data-{args.gemeenten}x{args.per}x{args.jaren}"
    if not (data / ".klaar").exists():
        shutil.rmtree(data, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run(
            [
                BIN / "evaluatie",
                "voorbeelddata",
                "--gemeenten",
                str(args.gemeenten),
                "--per",
                str(args.per),
                "--jaren",
                str(args.jaren),
                "--naar",
                data,
            ],
            check=True,
            capture_output=True,
        )
        (data / ".klaar").touch()
        print(f"gegenereerd in {time.perf_counter() - start:.1f} s")
    jaren = args.gemeenten * args.per * args.jaren
    kernen = len(os.sched_getaffinity(0))
    print(
        f"{args.gemeenten} gemeenten × {args.per} samenwerkingen × {args.jaren} jaar = {jaren} samenwerking-jaren, "
        f"{kernen} kernen"
    )

    steekproef = args.map / "steekproef"
    shutil.rmtree(steekproef, ignore_errors=True)
    steekproef.mkdir(parents=True)
    for m in sorted(p for p in data.iterdir() if p.is_dir())[: args.steekproef]:
        (steekproef / m.name).symlink_to(m.resolve())
    t_voor = exporteer([steekproef], args.map / "tidy-voor", "--werkers", "1", "--zonder-cache")
    t_voor_schatting = t_voor / args.steekproef * args.gemeenten
    print(
        f"voor (1 werker, geen cache, {args.steekproef} gemeenten gemeten): {t_voor:.1f} s, "
        f"geschat voor alles {t_voor_schatting:.0f} s"
    )

    cache = args.map / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    t_koud = exporteer([data], args.map / "tidy", "--cache", str(cache))
    print(
        f"koud ({kernen} werkers, lege cache):       {t_koud:6.1f} s  ({t_koud / jaren * 1e6:.0f} µs/samenwerking-jaar)"
    )
    t_warm = exporteer([data], args.map / "tidy", "--cache", str(cache))
    print(
        f"warm (cache, niets veranderd):           {t_warm:6.1f} s  ({t_warm / jaren * 1e6:.0f} µs/samenwerking-jaar)"
    )
    print(
        f"tidy parquet van {jaren} samenwerking-jaren: koud {t_koud:.1f} s, warm {t_warm:.1f} s "
        f"({t_voor_schatting / t_warm:.0f}× sneller dan voor)"
    )


if __name__ == "__main__":
    main()
