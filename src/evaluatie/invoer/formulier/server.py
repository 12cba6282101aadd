"""The form's web server: Voilà, with what a gemeente's server needs and standalone Voilà leaves out.

Standalone Voilà sets jupyter_server's `allow_remote_access` itself, so no handler checks the Host header, and a
web page the evaluator visits could reach the form through DNS rebinding. `Toegang` refuses every request whose
Host is not one of the app's own names, or whose Origin is not the app itself, before any handler runs: a rule in
front of tornado's router, so the kernel's websocket, the files and the page are covered alike. Voilà's file
handler asks no login; the reports are served here by jupyter_server's `AuthenticatedFileHandler` with Voilà's
allowlist. The page shows a Dutch message when the server has as many forms open as allowed (`kernels.Vol`).
"""

from __future__ import annotations

import html
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from jupyter_server.base.handlers import AuthenticatedFileHandler
from tornado import httputil, web
from tornado.escape import url_escape
from tornado.routing import Matcher, Rule
from traitlets import List, Unicode
from voila.app import Voila
from voila.static_file_handler import AllowListFileHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.voila_identity_provider import VoilaLoginHandler

from evaluatie.invoer.formulier.kernels import Vol

LOKAAL = frozenset({"localhost", "127.0.0.1", "::1"})
ALLE_ADRESSEN = frozenset({"", "0.0.0.0", "::"})


def _hostnaam(host: str) -> str:
    """`Host: voorbeeld.nl:8866` → `voorbeeld.nl`; `[::1]:8866` → `::1`."""
    return (urlsplit(f"//{host}").hostname or "").lower()


@dataclass(frozen=True)
class Toegang:
    """The names under which the app is its own: localhost always, the address it listens on, the machine's
    names when it listens on all addresses, and the names given with `--servernaam` (a proxy in front)."""

    namen: frozenset[str]

    @classmethod
    def voor(cls, adres: str, servernamen: Iterable[str] = ()) -> Toegang:
        namen = set(LOKAAL) | {n.lower() for n in servernamen}
        if adres in ALLE_ADRESSEN:
            namen |= {socket.gethostname().lower(), socket.getfqdn().lower()}
        else:
            namen.add(_hostnaam(adres) or adres.lower())
        return cls(frozenset(namen))

    def weiger(self, request: httputil.HTTPServerRequest) -> str | None:
        """Why a request is refused, or None. The Origin a browser sends with a websocket or a form must be this
        very server (scheme, name and port as the Host says), so another site's page gets nothing."""
        if _hostnaam(request.host) not in self.namen:
            return f"dit formulier is niet bereikbaar onder de naam {request.host!r}"
        origin = request.headers.get("Origin")
        if origin is not None:
            deel = urlsplit(origin)
            if deel.scheme not in ("http", "https") or deel.netloc.lower() != request.host.lower():
                return f"een verzoek vanaf een andere website ({origin!r}) wordt geweigerd"
        return None


class _Vreemd(Matcher):
    def __init__(self, toegang: Toegang) -> None:
        self.toegang = toegang

    def match(self, request: httputil.HTTPServerRequest) -> dict[str, Any] | None:
        return {} if self.toegang.weiger(request) else None


def pagina(titel: str, tekst: str, inhoud: str = "") -> str:
    """A small Dutch page (a refusal, the login): titled, with a heading, readable by a screen reader; `inhoud` is
    HTML made here, never data."""
    return (
        f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{html.escape(titel)}</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
        f"<body><main><h1>{html.escape(titel)}</h1><p>{html.escape(tekst)}</p>{inhoud}</main></body></html>"
    )


class Weigering(web.RequestHandler):
    """403 for a request from elsewhere, whatever its method or path."""

    def initialize(self, toegang: Toegang) -> None:
        self.toegang = toegang

    def prepare(self) -> None:
        reden = self.toegang.weiger(self.request) or "geweigerd"
        self.set_status(403)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(pagina("Geen toegang", f"Geweigerd: {reden}."))


class Inloggen(VoilaLoginHandler):
    """jupyter_server's login with the token, as a Dutch page (its own page is English and loads Bootstrap)."""

    def _render(self, message: dict[str, str] | None = None) -> None:
        verder = url_escape(self.get_argument("next", default=self.base_url))
        fout = '<p role="alert"><strong>Dit token klopt niet.</strong></p>' if message else ""
        formulier = (
            f'{fout}<form method="post" action="{html.escape(self.base_url)}login?next={html.escape(verder)}">'
            f"{self.xsrf_form_html()}"
            '<p><label for="token">Token</label> <input id="token" name="password" type="password" '
            'autocomplete="current-password" required></p><p><button type="submit">Inloggen</button></p></form>'
        )
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.write(
            pagina(
                "Inloggen op het formulier",
                "Deze server vraagt het token uit de link die u kreeg van wie het formulier startte "
                "(het deel na ?token=). Open die link, of vul het token hier in.",
                formulier,
            )
        )


class Rapportbestanden(AuthenticatedFileHandler, AllowListFileHandler):
    """The reports (HTML, PDF, images): only after login, only what Voilà's allowlist lets through."""


class Formulierpagina(TornadoVoilaHandler):
    """Voilà's page of the form, which says in Dutch when the server is full, and sets the xsrf cookie: Voilà's
    page sends it back when the tab closes, to shut its kernel down at once (without it that request is refused
    and the kernel lingers)."""

    async def prepare(self) -> None:  # type: ignore[override]
        await super().prepare()
        self.xsrf_token  # noqa: B018 - reading it sets the cookie

    def get_argument(self, name: str, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        """The form's own template and theme, whatever the URL asks (`?template=lab` would load a CDN)."""
        if name in ("template", "theme"):
            return None
        return super().get_argument(name, *args, **kwargs)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        fout = kwargs.get("exc_info", (None, None, None))[1]
        if isinstance(fout, Vol):
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.set_header("Retry-After", "120")
            self.finish(pagina("Het formulier is vol", fout.melding))
            return
        super().write_error(status_code, **kwargs)


class Formulierserver(Voila):
    """Voilà serving the form, with the Host and Origin check, the reports from their own folder, and the pages
    above in place of Voilà's."""

    rapporten = Unicode("", config=True, help="De map van de rapporten (geserveerd onder voila/files).")
    servernamen = List(Unicode(), config=True, help="Namen waaronder de server ook bereikt wordt.")

    def init_handlers(self) -> list:
        vervangen = []
        for regel in super().init_handlers():
            patroon, klasse, *rest = regel
            opties = rest[0] if rest else {}
            if klasse is AllowListFileHandler:
                regel = (patroon, Rapportbestanden, {**opties, "path": self.rapporten})
            elif klasse is TornadoVoilaHandler:
                regel = (patroon, Formulierpagina, opties)
            elif klasse is VoilaLoginHandler:
                regel = (patroon, Inloggen, opties)
            vervangen.append(regel)
        return vervangen

    def listen(self) -> None:
        """Before Voilà listens: the gate in front of every handler."""
        toegang = Toegang.voor(self.ip, self.servernamen)
        router = self.app.default_router
        router.rules.insert(0, router.process_rule(Rule(_Vreemd(toegang), Weigering, {"toegang": toegang})))
        super().listen()
