"""`evaluatie invullen` as a test starts it: a process of its own, its output in a log, stopped afterwards."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .conftest import antwoordt, vrije_poort, wacht_tot


@dataclass
class App:
    proces: subprocess.Popen
    poort: int
    adres: str
    log: Path

    @property
    def basis(self) -> str:
        return f"http://{self.adres}:{self.poort}"

    def uitvoer(self) -> str:
        return self.log.read_text(encoding="utf-8")

    @property
    def token(self) -> str | None:
        gevonden = re.search(r"\?token=(\S+) ", self.uitvoer())
        return gevonden.group(1) if gevonden else None


@contextmanager
def start_app(data: Path, *opties: str, adres: str = "127.0.0.1", poort: int | None = None) -> Iterator[App]:
    poort = poort or vrije_poort()
    log = data.parent / f"app-{poort}.log"
    commando = [Path(sys.executable).parent / "evaluatie", "invullen", str(data), "--poort", str(poort), *opties]
    if adres != "127.0.0.1":
        commando += ["--adres", adres]
    proces = subprocess.Popen(commando, stdout=log.open("w"), stderr=subprocess.STDOUT, cwd=data.parent)
    app = App(proces, poort, adres, log)
    try:
        wacht_tot(lambda: antwoordt(f"{app.basis}/voila/static/voila.js") or proces.poll() is not None, 60, "start")
        yield app
    except Exception:
        print(app.uitvoer()[-3000:])
        raise
    finally:
        proces.terminate()
        proces.wait(timeout=30)
