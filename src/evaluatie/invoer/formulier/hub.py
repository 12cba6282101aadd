"""The form under JupyterHub: every evaluator logs in at the hub and lands on the form, in a server of their own.

JupyterHub's own single-user server (`jupyterhub-singleuser`, jupyter_server with the hub's login) runs Voilà as
its server extension; `bereid_voor` is the spawner's `pre_spawn_hook` (see `docs/jupyterhub/jupyterhub_config.py`).
It gives each user a folder the workbook owns, with the form's notebook (the gemeente's data folder as parameter)
and the user's reports, and sets the server's options: the form's template, the kernel limits of `kernels`, and
`Formulierbevoegdheid`, which lets the evaluator use the form and read reports but not run code, write files or
open a terminal. Saves are signed with the hub user: the kernels inherit `JUPYTERHUB_USER` from the server.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any

from jupyterhub.singleuser.extension import JupyterHubAuthorizer

from evaluatie.invoer.formulier import onbewaard
from evaluatie.invoer.formulier.app import APPNOTEBOOK, SJABLONEN, schrijf_notebook
from evaluatie.invoer.formulier.kernels import KLASSE, kernelinstellingen

BERICHTEN = ("comm_open", "comm_close", "comm_msg", "comm_info_request", "kernel_info_request", "shutdown_request")
"""What a browser may send a kernel: the widgets' messages (as standalone Voilà allows), never code to run."""


class Formulierbevoegdheid(JupyterHubAuthorizer):
    """The hub's check (this user may use this server), and then: read anything the server shows, talk to a
    kernel's widgets; no writing files, no starting kernels or sessions by hand, no terminals. The form saves
    through its own kernel, which Voilà starts."""

    def is_authorized(self, handler: Any, user: Any, action: str, resource: str) -> bool:  # type: ignore[override]
        if not super().is_authorized(handler, user, action, resource):
            return False
        return action == "read" or (action, resource) == ("execute", "kernels")


def gebruikersmap(werkmappen: Path, gebruiker: str) -> Path:
    """A folder per hub user, named so that any user name is a safe folder name and two names never share one."""
    leesbaar = re.sub(r"[^a-z0-9_-]+", "-", gebruiker.lower()).strip("-")[:40] or "gebruiker"
    return werkmappen / f"{leesbaar}-{hashlib.sha256(gebruiker.encode()).hexdigest()[:8]}"


def server_argumenten(map_: Path, inactief_s: int = 15 * 60, max_formulieren: int = 10) -> list[str]:
    """The single-user server's options for the form."""
    return [
        "--VoilaConfiguration.template=evaluatie",
        "--VoilaConfiguration.show_tracebacks=False",
        "--VoilaConfiguration.file_denylist=.*",  # Voilà's own file handler asks no login: the reports go via /files
        "--HTMLExporter.language_code=nl",
        f"--ServerApp.authorizer_class={__name__}.Formulierbevoegdheid",
        f"--ServerApp.kernel_manager_class={KLASSE}",
        *(
            f"--Formulierkernels.{k}={v}"
            for k, v in kernelinstellingen(inactief_s, max_formulieren, map_ / "onbewaard").items()
        ),
        *(f"--Formulierkernels.allowed_message_types={b}" for b in BERICHTEN),
    ]


def bereid_voor(spawner: Any, data_dir: Path, werkmappen: Path, **limieten: int) -> None:
    """`Spawner.pre_spawn_hook`: the user's folder, the form's notebook in it, and the server's options; the user
    lands on the form (`default_url`)."""
    map_ = gebruikersmap(werkmappen, spawner.user.name)
    (map_ / "onbewaard").mkdir(parents=True, exist_ok=True)
    (map_ / "rapporten").mkdir(exist_ok=True)
    (map_ / APPNOTEBOOK).unlink(missing_ok=True)  # the workbook's own file from the last start (a link: only it)
    schrijf_notebook(data_dir, map_ / "rapporten", map_, rapport_url=f"{spawner.user.url}files/rapporten")
    spawner.notebook_dir = str(map_)
    spawner.default_url = f"/voila/render/{APPNOTEBOOK}"
    pad = os.pathsep.join(filter(None, [str(SJABLONEN), spawner.environment.get("JUPYTER_PATH")]))
    spawner.environment.update({"JUPYTER_PATH": pad, onbewaard.OMGEVING: str(map_ / "onbewaard")})
    eigen = server_argumenten(map_, **limieten)
    vorige = tuple(a.split("=", 1)[0] for a in eigen)  # the same spawner starts again: replace, not append
    spawner.args = [*(a for a in spawner.args if not a.startswith(vorige)), *eigen]
