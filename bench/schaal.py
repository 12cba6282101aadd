"""Scale benchmark for researchers: tidy export of 350 gemeenten × 60 partnerships × 5 years.

    make bench-schaal
    .venv/bin/python bench/schaal.py --gemeenten 350 --per 60 --jaren 5

Generates the fictional set once (kept in bench/uitvoer/), then times the export of all tidy tables to parquet
(reading, validating and evaluating every partnership-year): one worker without cache on a sample (the same code
without parallelism or cache, as a reference), all cores into an empty cache (cold), and again with nothing changed.
The cold and unchanged exports run three times (`--herhaal`), and so do an export after one file was edited and after
1 % of the files were edited: each run is printed, and the last lines are the medians (the cold one with its CPU
seconds, main process and workers) and the real peak memory: the resident memory of the whole process tree,
sampled every 50 ms (beside it the sum of each process's own maximum, which overstates it).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from procesboom import rss

BIN = Path(sys.executable).parent


# The export in a child that reports its own peak memory and its workers' (ru_maxrss is in KiB on Linux).
METER = """
import json, resource, sys
from evaluatie.cli import main
with open(sys.argv[1], "w") as uit:
    rc = main(sys.argv[2:])
    eigen, kind = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    cpu = sum(r.ru_utime + r.ru_stime for r in (eigen, kind))
    json.dump({"rc": rc, "hoofd": eigen.ru_maxrss / 1024, "werker": kind.ru_maxrss / 1024, "cpu": cpu}, uit)
"""


def exporteer(data: list[Path], naar: Path, *extra: str) -> tuple[float, dict[str, float]]:
    """Seconds for one `evaluatie exporteer tidy`, its CPU seconds (main process and workers) and its real peak
    memory: the resident memory of the whole process tree, sampled every 50 ms (`piek`, MiB)."""
    meting = naar.parent / "meting.json"
    start = time.perf_counter()
    opdracht = ["exporteer", "tidy", *map(str, data), "--naar", str(naar), *extra]
    proces = subprocess.Popen(
        [sys.executable, "-c", METER, meting, *opdracht], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    piek = 0
    while proces.poll() is None:
        piek = max(piek, rss(proces.pid))
        time.sleep(0.05)
    tijd = time.perf_counter() - start
    geheugen = json.loads(meting.read_text())
    assert geheugen.pop("rc") in (0, 1), "export mislukt"
    geheugen["piek"] = piek / 2**20
    return tijd, geheugen


def bewerk(bestanden: list[Path], ronde: int) -> None:
    """An evaluator's edit in each file: a comment line more (the file's bytes change, so its tables are redone)."""
    for pad in bestanden:
        with pad.open("a", encoding="utf-8") as f:
            f.write(f"# bewerkt in ronde {ronde}\n")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--gemeenten", type=int, default=350)
    p.add_argument("--per", type=int, default=60)
    p.add_argument("--jaren", type=int, default=5)
    p.add_argument("--steekproef", type=int, default=20, help="gemeenten voor de referentiemeting met 1 werker")
    p.add_argument("--map", type=Path, default=Path(__file__).parent / "uitvoer" / "schaal")
    p.add_argument("--herhaal", type=int, default=3, help="koude en ongewijzigde runs (standaard 3; de mediaan telt)")
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
    t_een, _ = exporteer([steekproef], args.map / "tidy-een-werker", "--werkers", "1", "--zonder-cache")
    t_een_schatting = t_een / args.steekproef * args.gemeenten
    print(
        f"1 werker, geen cache ({args.steekproef} gemeenten gemeten): {t_een:.1f} s, "
        f"geschat voor alles {t_een_schatting:.0f} s"
    )

    cache = args.map / "cache"
    koude, warme = [], []
    for _ in range(args.herhaal):  # a shared machine wanders by 20 %: each run is printed, the median counts
        shutil.rmtree(cache, ignore_errors=True)
        koude.append(exporteer([data], args.map / "tidy", "--cache", str(cache)))
        warme.append(exporteer([data], args.map / "tidy", "--cache", str(cache)))
    bestanden = sorted(p for p in data.glob("*/*.yaml"))
    honderdste = bestanden[:: max(1, round(len(bestanden) / (len(bestanden) // 100 or 1)))][
        : len(bestanden) // 100 or 1
    ]
    een, procent = [], []
    for ronde in range(args.herhaal):
        bewerk(bestanden[ronde : ronde + 1], ronde)
        een.append(exporteer([data], args.map / "tidy", "--cache", str(cache)))
        bewerk(honderdste, ronde)
        procent.append(exporteer([data], args.map / "tidy", "--cache", str(cache)))
    gemeenten_1pct = len({p.parent for p in honderdste})
    print("koud:        " + ", ".join(f"{t:.1f} s ({g['cpu']:.0f} s CPU)" for t, g in koude))
    print("ongewijzigd: " + ", ".join(f"{t:.1f} s" for t, _ in warme))
    print("1 bestand:   " + ", ".join(f"{t:.1f} s ({g['cpu']:.0f} s CPU)" for t, g in een))
    print(
        f"1% ({len(honderdste)} bestanden in {gemeenten_1pct} gemeenten): "
        + ", ".join(f"{t:.1f} s ({g['cpu']:.0f} s CPU)" for t, g in procent)
    )
    t_koud, t_warm = statistics.median(t for t, _ in koude), statistics.median(t for t, _ in warme)
    koud = max((g for _, g in koude), key=lambda g: g["hoofd"] + kernen * g["werker"])
    warm = max((g for _, g in warme), key=lambda g: g["hoofd"] + g["werker"])
    piek = max(koud["hoofd"] + kernen * koud["werker"], warm["hoofd"] + warm["werker"])
    print(f"tidy parquet van {jaren} samenwerking-jaren ({t_een_schatting / t_koud:.1f}× sneller dan 1 werker, koud):")
    cpu = statistics.median(g["cpu"] for _, g in koude)
    print(
        f"koud (lege cache, {kernen} werkers): {t_koud:6.1f} s  ({t_koud / jaren * 1e6:.0f} µs/samenwerking-jaar; "
        f"{cpu:.0f} s CPU)"
    )
    print(f"ongewijzigd (uit de cache):        {t_warm:6.1f} s")
    print(f"1 bestand bewerkt:                 {statistics.median(t for t, _ in een):6.1f} s")
    print(f"1% van de bestanden bewerkt:       {statistics.median(t for t, _ in procent):6.1f} s")
    echte_piek = max(g["piek"] for _, g in [*koude, *warme, *een, *procent])
    print(
        f"piekgeheugen, echt (hele procesboom, elke 50 ms): {echte_piek:6.0f} MiB;  som van de maxima (ru_maxrss): "
        f"{piek:.0f} MiB (hoofdproces {koud['hoofd']:.0f} MiB + {kernen} werkers van hooguit {koud['werker']:.0f} MiB)"
    )


if __name__ == "__main__":
    main()
