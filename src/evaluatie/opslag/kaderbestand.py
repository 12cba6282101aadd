"""A gemeente's `kader.yaml`, read like every other file: the one reader, its limits, Dutch errors.

Cached by path, modification time and size, so a running form sees an edited kader on its next load, and a bulk
export reads each gemeente's kader once.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from evaluatie.domein.fouten import Kaderfout, os_reden
from evaluatie.domein.kader import KADER_BESTAND, Kader, kader_uit, standaard_kader
from evaluatie.domein.yamltekst import OngeldigeYaml
from evaluatie.opslag.yamlbestand import lees_yaml_bestand


def _lees(pad: Path) -> dict[str, Any]:
    try:
        gegevens = lees_yaml_bestand(pad)
    except OngeldigeYaml as exc:
        raise Kaderfout(pad, None, str(exc)) from None
    if gegevens is None:
        return {}
    if not isinstance(gegevens, dict):
        raise Kaderfout(pad, None, "een kader is een blok met onderdelen als 'motieven:' en 'ladders:'")
    return gegevens


@lru_cache(maxsize=64)
def _laad(pad: Path, _mtime_ns: int, _grootte: int) -> Kader:
    return kader_uit(_lees(pad), pad)


def laad_kader(gemeente_map: Path | None = None) -> Kader:
    """The framework for a gemeente: its own `kader.yaml` over the defaults, or the defaults alone.

    Raises `Kaderfout` (file and key) for a kader that is no YAML mapping or does not fit the model.
    """
    if gemeente_map is None:
        return standaard_kader()
    pad = Path(gemeente_map) / KADER_BESTAND
    try:
        toestand = pad.stat()
    except FileNotFoundError:
        return standaard_kader()
    except OSError as exc:
        raise Kaderfout(pad, None, f"kan het bestand niet lezen ({os_reden(exc)})") from None
    return _laad(pad.resolve(), toestand.st_mtime_ns, toestand.st_size)
