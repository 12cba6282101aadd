"""The form for real: JupyterLab on 127.0.0.1 with a token, invoer.ipynb in headless chromium (marker: browser)."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from evaluatie.opslag.laden import laad_samenwerking

from ..browser import pagina
from ..conftest import DATA, ROOT, vrije_poort, wacht_tot

pytestmark = pytest.mark.browser


def test_formulier_in_jupyterlab(tmp_path: Path):
    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "notebooks").mkdir()
    nb = json.loads((ROOT / "notebooks" / "invoer.ipynb").read_text(encoding="utf-8"))
    parameters = next(c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", []))
    parameters["source"] = (
        "".join(parameters["source"])
        .replace("gemeente = None", 'gemeente = "voorbeeldstad"')
        .replace("samenwerking = None", 'samenwerking = "cultuurpodium"')
        .replace("jaar = None", "jaar = 2024")
    )
    (tmp_path / "notebooks" / "invoer.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    bestand = tmp_path / "data" / "voorbeeldstad" / "cultuurpodium.yaml"

    poort, token = vrije_poort(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"), "JUPYTER_CONFIG_DIR": str(tmp_path / "cfg")}
    lab = subprocess.Popen(
        [
            Path(sys.executable).parent / "jupyter",
            "lab",
            "--no-browser",
            "--ServerApp.allow_root=True",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={poort}",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={tmp_path}",
            "--LabApp.expose_app_in_browser=True",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "lab.log").open("w"),
    )
    try:

        def draait() -> bool:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{poort}/api/status?token={token}", timeout=2)
                return True
            except OSError:
                return False

        wacht_tot(draait, 60, "JupyterLab start")
        with pagina() as p:
            p.set_default_timeout(90_000)
            p.goto(f"http://127.0.0.1:{poort}/lab/tree/notebooks/invoer.ipynb?token={token}")
            p.wait_for_function("() => window.jupyterapp && document.querySelector('.jp-Notebook')")
            p.wait_for_function(  # the kernel is up before we run
                "() => document.querySelector('.jp-Notebook') && "
                "window.jupyterapp.shell.currentWidget?.sessionContext?.session?.kernel?.status === 'idle'"
            )
            p.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
            p.wait_for_selector(".evaluatie-beantwoord-0 select")
            p.select_option(".evaluatie-beantwoord-0 select", label="ja")
            p.fill(".evaluatie-kosten-0-realisatie input", "850.000")
            p.keyboard.press("Tab")
            p.wait_for_function(
                "() => document.querySelector('.evaluatie-deel-financien')?.textContent.includes('som €\u00a0850.000')"
            )
            # The raad's decision at the kadernota: the section (open when it has content), a box, the date.
            inhoud = p.locator(".evaluatie-deel-belangrijkheid .jupyter-widget-Collapse-contents")
            if "lm-mod-hidden" in (inhoud.get_attribute("class") or ""):
                p.click(".evaluatie-deel-belangrijkheid .jupyter-widget-Collapse-header")
            p.get_by_role("checkbox", name="Raad: politiek zeer belangrijk").check()
            p.fill(".evaluatie-belang-vastgesteld input", "2025-06-12")
            p.keyboard.press("Tab")
            p.screenshot(path=str(tmp_path / "formulier.png"), full_page=True)
            p.click(".evaluatie-bewaar")
            p.wait_for_function("() => document.querySelector('.evaluatie-melding')?.textContent.includes('Bewaard')")
            p.screenshot(path=str(tmp_path / "bewaard.png"), full_page=True)
        jaar = laad_samenwerking(bestand).jaren[2024]
        assert jaar.motieven[0].beantwoord == "ja"
        assert jaar.financien["kosten"].regels[0].realisatie == 850000
        assert list((bestand.parent / ".geschiedenis").glob("cultuurpodium.*.yaml"))
        belang = laad_samenwerking(bestand).belangrijkheid
        assert (belang.voor_wie, str(belang.vastgesteld)) == (["raad_belangrijk", "raad_zeer_belangrijk"], "2025-06-12")
        assert [str(v.vastgesteld) for v in belang.eerder] == ["2024-06-13", "2023-06-15"]
        if os.environ.get("EVALUATIE_SCREENSHOTS"):
            shutil.copy(tmp_path / "formulier.png", os.environ["EVALUATIE_SCREENSHOTS"])
    except Exception:
        print((tmp_path / "lab.log").read_text(encoding="utf-8")[-3000:])
        raise
    finally:
        lab.terminate()
        lab.wait(timeout=30)
