"""One way in: plain data becomes a `Samenwerking` here, and pydantic's errors become Dutch ones.

Every entry point (files, importers, Excel, the form) validates through `valideer`, so a wrong value gets the same
message wherever it was typed, and none of pydantic's English reaches a user.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from evaluatie.domein.fouten import Gegevensfout
from evaluatie.domein.kader import Kader
from evaluatie.domein.meldingen import meldingen, veldpad, vertaal_fout
from evaluatie.domein.model import Samenwerking
from evaluatie.domein.opmaak import aantal


def valideer(
    gegevens: Mapping[str, Any], kader: Kader, bestand: Path | str, id_: str = "", gemeente: str = ""
) -> Samenwerking:
    """Plain data → a validated partnership, or a `Gegevensfout` naming file, partnership, field and value."""
    try:
        return Samenwerking.model_validate({**gegevens, "id": id_, "gemeente": gemeente}, context={"kader": kader})
    except ValidationError as exc:
        eerste = exc.errors(include_url=False)[0]
        extra = len(exc.errors()) - 1
        melding = vertaal_fout(eerste) + (
            f" (en nog {aantal(extra, 'fout', 'fouten')} in dit bestand)" if extra else ""
        )
        waarde = eerste.get("input") if eerste["type"] != "missing" else None
        naam = gegevens.get("naam") if isinstance(gegevens.get("naam"), str) else id_ or None
        raise Gegevensfout(
            bestand,
            melding,
            naam,
            veldpad(eerste["loc"]) or None,
            None if isinstance(waarde, dict) else waarde,
            meldingen(exc),
        ) from None
