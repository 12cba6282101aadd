"""The form as an app: Voilà serves `invoer.ipynb` so the evaluator sees only the form, never code.

The notebook, its parameters filled in by papermill's own `parameterize_notebook`, lives in the app's own temporary
folder (Voilà's root) and goes with it: nothing is written in the user's folders, no user file is overwritten or
removed. Only reports are served (HTML, PDF, images, after login when a token is asked), never the notebook and
never the data. Voilà runs in this process with the server's checks (`server`) and kernel limits (`kernels`), so
stopping the app stops everything.
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import signal
import socket
import sys
import tempfile
from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path

import nbformat
from papermill.iorw import load_notebook_node
from papermill.parameterize import parameterize_notebook
from traitlets.config import Config

from evaluatie.domein.fouten import EvaluatieFout
from evaluatie.invoer.formulier import onbewaard

NOTEBOOK = files("evaluatie.invoer") / "notebooks" / "invoer.ipynb"
APPNOTEBOOK = "formulier.ipynb"

SJABLONEN = Path(str(files("evaluatie.invoer.formulier") / "sjabloon"))
"""A Jupyter data folder with the form's Voilà template `evaluatie` (`voila/templates/evaluatie`)."""

LOKAAL = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class Instellingen:
    """How the app serves: where it listens, under which names, when an idle form is closed, how many at once."""

    poort: int = 8866
    adres: str = "127.0.0.1"
    servernamen: tuple[str, ...] = ()
    inactief_s: float = 15 * 60
    max_formulieren: int = 10

    @property
    def lokaal(self) -> bool:
        """Only this computer can connect: no token needed."""
        return self.adres in LOKAAL

    def url(self, token: str | None) -> str:
        naam = socket.gethostname() if self.adres in ("0.0.0.0", "::", "") else self.adres
        naam = f"[{naam}]" if ":" in naam else naam
        return f"http://{naam}:{self.poort}/" + (f"?token={token}" if token else "")


def controleer_poort(instellingen: Instellingen) -> None:
    """A port in use is an error naming it (Voilà itself would quietly take another and print the wrong one)."""
    familie = socket.AF_INET6 if ":" in instellingen.adres else socket.AF_INET
    try:
        with socket.socket(familie, socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as tornado binds: a port in TIME_WAIT is free
            s.bind((instellingen.adres, instellingen.poort))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise EvaluatieFout(
                f"Poort {instellingen.poort} is al in gebruik (door een ander programma of een ander formulier). "
                f"Kies een andere poort met --poort, bijvoorbeeld --poort {instellingen.poort + 1}."
            ) from None
        raise EvaluatieFout(
            f"Kan niet luisteren op {instellingen.adres}, poort {instellingen.poort}: {os.strerror(exc.errno or 0)}."
        ) from None


def schrijf_notebook(data_dir: Path, rapporten: Path, werkmap: Path, rapport_url: str = "voila/files") -> Path:
    """The form's notebook with these folders as parameters, created in the app's own folder (never replacing a
    file: `x` mode refuses an existing name or a link); `rapport_url` is where the browser finds the reports."""
    if not data_dir.is_dir():
        raise EvaluatieFout(f"Gegevensmap {data_dir} bestaat niet.")
    with as_file(NOTEBOOK) as bron:
        nb = load_notebook_node(str(bron))  # papermill's reader: the metadata its parameterizer expects
    parameters = {
        "data_dir": str(data_dir.resolve()),
        "rapporten": str(rapporten.resolve()),
        "rapport_url": rapport_url,
    }
    doel = werkmap / APPNOTEBOOK
    with doel.open("x", encoding="utf-8") as f:
        nbformat.write(parameterize_notebook(nb, parameters), f)
    return doel


def voila_config(werkmap: Path, rapporten: Path, instellingen: Instellingen, token: str | None) -> Config:
    """Voilà's settings: this address and port only, the notebook's folder as root, only the reports served, no
    tracebacks to the browser, the form's own template (nothing loaded from outside this machine), the kernel
    limits, and a token when others than this computer can connect."""
    from evaluatie.invoer.formulier.kernels import KLASSE, kernelinstellingen

    return Config(
        {
            "Voila": {
                "ip": instellingen.adres,
                "port": instellingen.poort,
                "port_retries": 0,
                "open_browser": False,
                "root_dir": str(werkmap),
                "token": token,
                "log_level": "ERROR",
                # tornado pings each tab's websocket: a tab that is gone (a laptop closed) drops its connection.
                "tornado_settings": {"ws_ping_interval": 30_000, "ws_ping_timeout": 30_000},
            },
            "Formulierserver": {"rapporten": str(rapporten), "servernamen": list(instellingen.servernamen)},
            "VoilaConfiguration": {
                "template": "evaluatie",
                "file_allowlist": [r".*\.(html|pdf|png|svg)"],
                "show_tracebacks": False,
                "multi_kernel_manager_class": KLASSE,
            },
            "HTMLExporter": {"language_code": "nl"},  # <html lang="nl">: the page is Dutch (WCAG 3.1.1)
            "KernelManager": {"transport": "ipc"},  # sockets in the app's own folder, not on a TCP port
            "Formulierkernels": kernelinstellingen(
                instellingen.inactief_s, instellingen.max_formulieren, werkmap / "onbewaard"
            ),
        }
    )


def serveer(data_dir: Path, rapporten: Path, instellingen: Instellingen | None = None) -> int:
    """Run the app until Ctrl+C (or SIGTERM); its folder (the notebook, the marks) is removed when it stops."""
    from evaluatie.invoer.formulier.server import Formulierserver

    instellingen = instellingen or Instellingen()
    rapporten = rapporten.resolve()
    controleer_poort(instellingen)
    werkmap = Path(tempfile.mkdtemp(prefix="evaluatie-formulier-"))
    vorige = signal.signal(signal.SIGTERM, lambda *_a: sys.exit(0))
    try:
        (werkmap / "onbewaard").mkdir()
        notebook = schrijf_notebook(data_dir, rapporten, werkmap)
        # Voilà finds templates in the Jupyter data folders; JUPYTER_PATH is how one adds a folder to them.
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(SJABLONEN), os.environ.get("JUPYTER_PATH")]))
        os.environ[onbewaard.OMGEVING] = str(werkmap / "onbewaard")
        token = None if instellingen.lokaal else os.environ.get("JUPYTER_TOKEN") or secrets.token_urlsafe(32)
        print(f"Het formulier: open {instellingen.url(token)} in de browser (stoppen: Ctrl+C).", flush=True)
        if token:
            print("Deel deze link alleen met wie het formulier mag invullen: het token geeft toegang.", flush=True)
        config = voila_config(werkmap, rapporten, instellingen, token)
        Formulierserver.launch_instance(argv=[str(notebook)], config=config)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, vorige)
        shutil.rmtree(werkmap, ignore_errors=True)
    return 0
