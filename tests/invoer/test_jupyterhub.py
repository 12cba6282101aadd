"""Many accounthouders at once, under a real JupyterHub (marker: hub): `docs/jupyterhub/jupyterhub_config.py` with
the hub's DummyAuthenticator and its own ports, JupyterHub's proxy from npm (`make proxy`), two users in chromium.

Both log in and land on the form; they save different partnerships at the same moment (both land), then the same
one (one lands, the other is told and keeps its input); the history names each author; neither can write a file
through the server, and a report opens through the hub.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..browser import kies, pagina
from ..conftest import DATA, ROOT, antwoordt, vrije_poort, wacht_tot

pytestmark = pytest.mark.hub

PROXY = ROOT / ".venv" / "proxy" / "node_modules" / ".bin" / "configurable-http-proxy"
BIN = Path(sys.executable).parent
WACHTWOORD = "proef-wachtwoord"


@pytest.fixture
def hub(tmp_path: Path):
    assert PROXY.exists(), "JupyterHubs proxy ontbreekt: make proxy"
    shutil.copytree(DATA, tmp_path / "data")
    poort = vrije_poort()
    config = tmp_path / "jupyterhub_config.py"
    config.write_text(
        f"""
load_subconfig({str(ROOT / "docs" / "jupyterhub" / "jupyterhub_config.py")!r})
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{vrije_poort()}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{vrije_poort()}"
c.ConfigurableHTTPProxy.command = [{str(PROXY)!r}]
c.ConfigurableHTTPProxy.pid_file = {str(tmp_path / "proxy.pid")!r}
c.JupyterHub.db_url = "sqlite:///{tmp_path / "hub.sqlite"}"
c.JupyterHub.cookie_secret_file = {str(tmp_path / "cookie_secret")!r}
c.Spawner.args = {["--allow-root"] if os.geteuid() == 0 else []!r}
""",
        encoding="utf-8",
    )
    omgeving = {
        **os.environ,
        "EVALUATIE_DATA": str(tmp_path / "data"),
        "EVALUATIE_WERKMAPPEN": str(tmp_path / "gebruikers"),
        "EVALUATIE_HUB_WACHTWOORD": WACHTWOORD,
        "EVALUATIE_HUB_URL": f"http://127.0.0.1:{poort}",
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    log = tmp_path / "hub.log"
    proces = subprocess.Popen(
        [BIN / "jupyterhub", "-f", str(config)],
        cwd=tmp_path,
        env=omgeving,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{poort}"
    try:
        wacht_tot(lambda: antwoordt(f"{url}/hub/health") or proces.poll() is not None, 90, "JupyterHub start")
        assert proces.poll() is None, log.read_text(encoding="utf-8")[-3000:]
        yield url, tmp_path
    except Exception:
        print(log.read_text(encoding="utf-8")[-4000:])
        raise
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proces.kill()


def log_in(browser, url: str, naam: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    p.set_default_timeout(150_000)
    p.goto(f"{url}/hub/login")
    p.fill("#username_input", naam)
    p.fill("#password_input", WACHTWOORD)
    p.click("#login_submit")
    p.wait_for_selector(".evaluatie-formulier select")  # landed on the form, nothing else to click
    assert f"/user/{naam}/voila/render/formulier.ipynb" in p.url
    return p


def typ_en_bewaar_tegelijk(eerste, tweede, bedragen: tuple[str, str]) -> tuple[str, str]:
    """Each types an amount, then both click Bewaren at the same moment: what each form says afterwards."""
    for p, bedrag in zip((eerste, tweede), bedragen, strict=True):
        p.fill(".evaluatie-kosten-0-realisatie input", bedrag)
        p.wait_for_function(
            "() => document.querySelector('.evaluatie-status')?.textContent.includes('Niet bewaarde wijzigingen')"
        )
    eerste.click(".evaluatie-bewaar", no_wait_after=True)
    tweede.click(".evaluatie-bewaar", no_wait_after=True)
    uit = []
    for p in (eerste, tweede):
        p.wait_for_function(
            "() => /Bewaard|Niet bewaard/.test(document.querySelector('.evaluatie-melding')?.textContent || '')"
        )
        uit.append(p.inner_text(".evaluatie-melding"))
    return uit[0], uit[1]


def geschiedenis(data: Path, samenwerking: str) -> str:
    return subprocess.run(
        [BIN / "evaluatie", "geschiedenis", str(data), "--gemeente", "voorbeeldstad", "--samenwerking", samenwerking],
        capture_output=True,
        text=True,
    ).stdout


def test_twee_accounthouders_onder_jupyterhub(hub):
    url, tmp_path = hub
    data = tmp_path / "data"
    with pagina() as eerste:
        browser = eerste.context.browser
        anna, bram = log_in(browser, url, "anna"), log_in(browser, url, "bram")

        # Different partnerships, saved at the same moment: both land.
        kies(anna, "Stichting Cultuurpodium Het Anker")
        kies(bram, "Netwerk Bibliotheken Voorbeeldstreek")
        van_anna, van_bram = typ_en_bewaar_tegelijk(anna, bram, ("851.000", "89.000"))
        assert "Bewaard" in van_anna and "Bewaard" in van_bram
        assert "anna (formulier): kosten 2024 Subsidie realisatie 840.000 → 851.000" in geschiedenis(
            data, "cultuurpodium"
        )
        assert "bram (formulier): kosten 2024 Gezamenlijke ict realisatie 80.000 → 89.000" in geschiedenis(
            data, "bibliotheeknetwerk"
        )

        # The same partnership, saved at the same moment: one lands, the other is told and keeps what it typed.
        kies(anna, "Lokaal Sportakkoord Voorbeeldstad")
        kies(bram, "Lokaal Sportakkoord Voorbeeldstad")
        uitkomsten = dict(zip(("anna", "bram"), typ_en_bewaar_tegelijk(anna, bram, ("57.000", "59.000")), strict=True))
        gelukt = [naam for naam, tekst in uitkomsten.items() if tekst.startswith("Bewaard")]
        assert len(gelukt) == 1, uitkomsten
        verloren = "bram" if gelukt == ["anna"] else "anna"
        tweede = bram if verloren == "bram" else anna
        assert "veranderd sinds u het opende" in uitkomsten[verloren]
        assert "Uw invoer staat nog in het formulier" in uitkomsten[verloren]
        assert tweede.input_value(".evaluatie-kosten-0-realisatie input") == (
            "59.000" if verloren == "bram" else "57.000"
        )
        historie = geschiedenis(data, "sportakkoord")
        assert f"{gelukt[0]} (formulier): kosten 2024 Gemeentelijke bijdrage realisatie 58.000" in historie
        assert verloren not in historie

        # The server is the form, not a workbench: writing a file through it is refused.
        for p, naam in ((anna, "anna"), (bram, "bram")):
            assert p.request.get(f"{url}/user/{naam}/api/contents/").status == 200  # logged in: reading is fine
            antwoord = p.request.put(
                f"{url}/user/{naam}/api/contents/eigen.ipynb",
                data={"type": "notebook", "content": {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}},
                headers={"X-XSRFToken": next(c["value"] for c in p.context.cookies() if c["name"] == "_xsrf")},
            )
            assert antwoord.status == 403, (naam, antwoord.status)

        # A report made in the form opens through the hub (the user's own reports, behind the hub's login).
        anna.click(".evaluatie-rapport")
        anna.wait_for_selector(".evaluatie-melding a", timeout=150_000)
        link = anna.get_attribute(".evaluatie-melding a >> text=HTML", "href")
        assert link.startswith("/user/anna/files/rapporten/")
        rapport = anna.request.get(f"{url}{link}")
        assert rapport.status == 200 and "Lokaal Sportakkoord Voorbeeldstad" in rapport.text()
        anonym = browser.new_context().request.get(f"{url}{link}", max_redirects=0)
        assert anonym.status in (302, 403)
