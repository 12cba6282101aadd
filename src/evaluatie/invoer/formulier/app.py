"""The form as an app: Voilà serves `invoer.ipynb` so the evaluator sees only the form, never code.

Voilà serves files only below its root (symbolic links out are refused), and the notebook must be below it too. So
the reports folder is the root: the notebook is written there for the app's lifetime as `formulier.ipynb`, its
parameters filled in by papermill's own `parameterize_notebook`. Only reports are served (HTML, PDF, images), never
the notebook itself and never the data. Voilà runs in this process, so stopping the app stops everything.
"""

from __future__ import annotations

import os
import signal
import sys
from importlib.resources import as_file, files
from pathlib import Path

import nbformat
from papermill.iorw import load_notebook_node
from papermill.parameterize import parameterize_notebook

from evaluatie.domein.fouten import EvaluatieFout

NOTEBOOK = files("evaluatie.invoer") / "notebooks" / "invoer.ipynb"
APPNOTEBOOK = "formulier.ipynb"


SJABLONEN = Path(str(files("evaluatie.invoer.formulier") / "sjabloon"))
"""A Jupyter data folder with the form's Voilà template `evaluatie` (`voila/templates/evaluatie`)."""


def voila_argumenten(rapporten: Path, poort: int) -> list[str]:
    """Voilà's command line: one notebook, this port, only the reports served, no tracebacks to the browser, the
    form's own template (nothing loaded from outside this machine)."""
    return [
        str(rapporten / APPNOTEBOOK),
        "--no-browser",
        f"--port={poort}",
        "--VoilaConfiguration.template=evaluatie",
        f"--Voila.root_dir={rapporten}",
        r"--VoilaConfiguration.file_allowlist=.*\.(html|pdf|png|svg)",
        "--VoilaConfiguration.show_tracebacks=False",
    ]


def schrijf_notebook(data_dir: Path, rapporten: Path) -> Path:
    """The form's notebook with these folders as parameters, in the reports folder (the app's root)."""
    if not data_dir.is_dir():
        raise EvaluatieFout(f"Gegevensmap {data_dir} bestaat niet.")
    with as_file(NOTEBOOK) as bron:
        nb = load_notebook_node(str(bron))  # papermill's reader: the metadata its parameterizer expects
    parameters = {
        "data_dir": str(data_dir.resolve()),
        "rapporten": str(rapporten.resolve()),
        "rapport_url": "voila/files",
    }
    doel = rapporten / APPNOTEBOOK
    nbformat.write(parameterize_notebook(nb, parameters), doel)
    return doel


def serveer(data_dir: Path, rapporten: Path, poort: int) -> int:
    """Run the app until Ctrl+C (or SIGTERM); the notebook is removed again when it stops."""
    from voila.app import Voila

    rapporten = rapporten.resolve()
    notebook = schrijf_notebook(data_dir, rapporten)
    # Voilà finds templates in the Jupyter data folders; JUPYTER_PATH is how one adds a folder to them.
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(SJABLONEN), os.environ.get("JUPYTER_PATH")]))
    vorige = signal.signal(signal.SIGTERM, lambda *_a: sys.exit(0))
    print(f"Het formulier: open http://localhost:{poort}/ in de browser (stoppen: Ctrl+C).", flush=True)
    try:
        Voila.launch_instance(argv=voila_argumenten(rapporten, poort))
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, vorige)
        notebook.unlink(missing_ok=True)
    return 0
