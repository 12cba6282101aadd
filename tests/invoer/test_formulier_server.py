"""The form on a gemeente's server, tried as an attacker and as IT would (marker: server): DNS rebinding gets
nothing, beyond localhost nothing without the token, kernels are given back and capped, the app writes nowhere
but its own folder, and a port in use is an error naming it."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from tornado.httpclient import HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

from ..app import App, start_app
from ..conftest import DATA, eigen_kernels, wacht_tot

pytestmark = pytest.mark.server


def haal(url: str, headers: dict[str, str] | None = None, timeout: float = 120) -> tuple[int, str, dict[str, str]]:
    """(status, body, headers) without following a redirect."""

    class NietVolgen(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k):
            return None

    opener = urllib.request.build_opener(NietVolgen)
    try:
        with opener.open(urllib.request.Request(url, headers=headers or {}), timeout=timeout) as antwoord:
            return antwoord.status, antwoord.read().decode("utf-8", "replace"), dict(antwoord.headers)
    except urllib.error.HTTPError as fout:
        return fout.code, fout.read().decode("utf-8", "replace"), dict(fout.headers)


def kernel_van(pagina: str) -> str:
    return json.loads(re.search(r'id="jupyter-config-data"[^>]*>(.*?)</script>', pagina, re.S).group(1))["kernelId"]


def websocket(app: App, kernel: str, host: str, origin: str, query: str = "") -> int:
    """Open the kernel's channels with these headers; 101 when accepted, else the refusal's status."""

    async def open_() -> int:
        verzoek = HTTPRequest(
            f"ws://{app.adres}:{app.poort}/api/kernels/{kernel}/channels{query}",
            headers={"Host": host, "Origin": origin},
        )
        try:
            verbinding = await websocket_connect(verzoek)
        except HTTPClientError as fout:
            return fout.code
        verbinding.close()
        return 101

    return asyncio.run(open_())


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def test_dns_rebinding_krijgt_niets(data: Path):
    """A page on evil.example that resolves to 127.0.0.1 can neither load the form nor drive its kernel (whose
    widgets read the gemeenten and save): Host and Origin are refused before any handler."""
    with start_app(data) as app:
        status, eigen, _ = haal(f"{app.basis}/")
        assert status == 200 and '<html lang="nl">' in eigen
        # Another template by URL (Voilà's `lab` links a CDN) is not on offer.
        assert "cdn.jsdelivr" not in haal(f"{app.basis}/?template=lab")[1]
        kernel = kernel_van(eigen)
        vreemd = f"evil.example:{app.poort}"
        status, tekst, _ = haal(f"{app.basis}/", {"Host": vreemd})
        assert status == 403 and "kernelId" not in tekst and "Geen toegang" in tekst
        assert haal(f"{app.basis}/voila/static/voila.js", {"Host": vreemd})[0] == 403
        # The websocket that reads and saves: refused with the rebinding's Host and Origin, and with a foreign
        # Origin alone; accepted for the app itself (so the refusals are the check, not a broken socket).
        assert websocket(app, kernel, vreemd, f"http://{vreemd}") == 403
        assert websocket(app, kernel, f"127.0.0.1:{app.poort}", f"http://{vreemd}") == 403
        assert websocket(app, kernel, f"localhost:{app.poort}", f"http://localhost:{app.poort + 1}") == 403
        assert websocket(app, kernel, f"127.0.0.1:{app.poort}", f"http://127.0.0.1:{app.poort}") == 101
        # A save needs the kernel: with it out of reach, the file stays as it was.
        assert "Geweigerd" in haal(f"{app.basis}/voila/api/shutdown/{kernel}", {"Host": vreemd})[1]


def test_buiten_localhost_niets_zonder_token(data: Path):
    """Listening beyond localhost (127.0.0.2 is another address on this machine) asks the token; the URL printed
    holds it; without it neither the page, the kernel, the reports nor the login's error is in English."""
    rapport = data.parent / "reports" / "voorbeeldstad" / "index.html"
    rapport.parent.mkdir(parents=True)
    rapport.write_text("<p>geheim rapport</p>", encoding="utf-8")
    with start_app(data, adres="127.0.0.2") as app:
        token = app.token
        assert token and len(token) >= 32, app.uitvoer()
        assert f"http://127.0.0.2:{app.poort}/?token={token}" in app.uitvoer()
        for pad in ("/", "/voila/files/voorbeeldstad/index.html", "/api/kernels/0", "/voila/api/shutdown/0"):
            status, tekst, kop = haal(f"{app.basis}{pad}")
            assert status in (302, 403, 405) and "kernelId" not in tekst and "geheim" not in tekst, pad
            if status == 302:
                assert "/login" in kop["Location"]
        status, login, _ = haal(f"{app.basis}/login")
        assert status == 200 and 'lang="nl"' in login and "Token" in login and "Password" not in login
        assert haal(f"{app.basis}/?token=fout")[0] == 302
        status, pagina, _ = haal(f"{app.basis}/?token={token}")
        assert status == 200 and "kernelId" in pagina
        kernel = kernel_van(pagina)
        eigen = f"127.0.0.2:{app.poort}"
        assert websocket(app, kernel, eigen, f"http://{eigen}") == 403  # no token, no kernel
        assert websocket(app, kernel, eigen, f"http://{eigen}", f"?token={token}") == 101
        assert haal(f"{app.basis}/voila/files/voorbeeldstad/index.html?token={token}")[1] == "<p>geheim rapport</p>"


def test_kernels_teruggegeven_en_begrensd(data: Path):
    """Page loads that never connect (a `GET /` by hand) do not keep their kernels: the form's and its report
    kernel are gone after the idle time; past the cap a Dutch page says to try later."""
    voor = eigen_kernels()
    with start_app(data, "--inactief", "0,3", "--max-formulieren", "2") as app:
        # Each page starts a kernel that runs the form, which starts its report kernel ahead.
        assert haal(f"{app.basis}/")[0] == 200
        assert haal(f"{app.basis}/")[0] == 200
        status, tekst, kop = haal(f"{app.basis}/")
        assert status == 503 and kop.get("Retry-After") and "2 keer tegelijk open" in tekst, tekst[:500]
        # Both forms started their report kernel ahead: four kernels; all given back without a tab.
        wacht_tot(lambda: len(eigen_kernels() - voor) >= 4, 60, "de rapportkernels starten")
        wacht_tot(lambda: not (eigen_kernels() - voor), 90, "alle kernels teruggegeven")
        assert "Formulier gesloten (nooit een tabblad verbonden)" in app.uitvoer()
        assert haal(f"{app.basis}/")[0] == 200  # room again


def test_schrijft_nergens_anders(data: Path, tmp_path: Path):
    """The app's notebook lives in its own folder: a user's `reports/formulier.ipynb` and a link by that name to a
    data file are left exactly as they were, while it runs and after; nothing of the app stays behind."""
    rapporten = tmp_path / "reports"
    rapporten.mkdir()
    eigen = rapporten / "formulier.ipynb"
    eigen.write_text("mijn eigen notebook", encoding="utf-8")
    koppeling = rapporten / "formulier-link.ipynb"
    doelbestand = data / "voorbeeldstad" / "cultuurpodium.yaml"
    inhoud = doelbestand.read_bytes()
    koppeling.symlink_to(doelbestand)
    voor = {p.name for p in rapporten.iterdir()}
    tijdelijk = set(Path(os.environ.get("TMPDIR", "/tmp")).glob("evaluatie-formulier-*"))
    with start_app(data) as app:
        assert haal(f"{app.basis}/")[0] == 200
        assert {p.name for p in rapporten.iterdir()} == voor
    assert eigen.read_text(encoding="utf-8") == "mijn eigen notebook"
    assert doelbestand.read_bytes() == inhoud and koppeling.is_symlink()
    assert set(Path(os.environ.get("TMPDIR", "/tmp")).glob("evaluatie-formulier-*")) == tijdelijk


def test_poort_in_gebruik(data: Path):
    """A port in use is an error naming it; the app does not listen on another one."""
    with socket.socket() as bezet:
        bezet.bind(("127.0.0.1", 0))
        bezet.listen()
        poort = bezet.getsockname()[1]
        uit = subprocess.run(
            [Path(sys.executable).parent / "evaluatie", "invullen", str(data), "--poort", str(poort)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert uit.returncode == 2
    assert f"Poort {poort} is al in gebruik" in uit.stderr and "Traceback" not in uit.stderr + uit.stdout
    assert "open http" not in uit.stdout  # no URL printed for a server that does not run
