"""Starting the form's app for a benchmark: a free port, and waiting until it answers."""

from __future__ import annotations

import socket
import time
import urllib.request


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wacht(url: str, seconden: float) -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        try:
            if urllib.request.urlopen(url, timeout=2).status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"de app antwoordt niet binnen {seconden} s")
