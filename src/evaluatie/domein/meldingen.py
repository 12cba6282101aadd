"""pydantic's errors in Dutch, with the field path people see; for partnership files and kaders alike."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

_MELDINGEN = {
    "missing": "verplicht veld ontbreekt",
    "extra_forbidden": "onbekend veld (tikfout?)",
    "literal_error": "ongeldige keuze",
    "bool_type": "schrijf ja/nee als true of false",
    "bool_parsing": "schrijf ja/nee als true of false",
    "int_parsing": "geen geheel getal",
    "int_type": "geen geheel getal",
    "int_from_float": "geen geheel getal",
    "float_parsing": "geen getal",
    "float_type": "geen getal",
    "string_type": "tekst verwacht",
    "list_type": "een lijst verwacht (regels die beginnen met '- ')",
    "dict_type": "een blok met velden verwacht",
    "model_type": "een blok met velden verwacht",
    "model_attributes_type": "een blok met velden verwacht",
    "string_too_short": "mag niet leeg zijn",
    "string_pattern_mismatch": "bevat een stuurteken (bijvoorbeeld een escape-reeks of NUL); verwijder het",
    "date_parsing": "geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-03-31",
    "date_from_datetime_parsing": "geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-03-31",
    "date_from_datetime_inexact": "geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-03-31",
    "date_type": "geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-03-31",
}


_GRENZEN = {
    "greater_than_equal": "moet minstens {} zijn",
    "greater_than": "moet groter zijn dan {}",
    "less_than_equal": "mag hoogstens {} zijn",
    "less_than": "moet kleiner zijn dan {}",
    "finite_number": "moet een eindig getal zijn",
}


def _getal(waarde: Any) -> str:
    """A bound as Dutch write it: `0`, `2,5`."""
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde).replace(".", ",")


def veldpad(loc: tuple[Any, ...]) -> str:
    """A pydantic error location as the field path people see: `jaren.2017.motieven[0].beantwoord`."""
    pad = ""
    for deel in loc:
        if isinstance(deel, int) and pad and not pad.endswith("jaren"):
            pad += f"[{deel}]"
        elif str(deel).startswith(("function-", "constrained-")):
            continue
        else:
            pad += ("." if pad else "") + str(deel)
    return pad


def vertaal_fout(fout: Mapping[str, Any]) -> str:
    """A pydantic error in Dutch: our validators' own messages, or a translation of pydantic's error type."""
    if fout["type"] == "value_error":
        return str(fout["ctx"]["error"])
    grens = _GRENZEN.get(fout["type"])
    if grens:
        return grens.format(*(_getal(v) for v in fout.get("ctx", {}).values()))
    if fout["type"] == "literal_error":
        return f"ongeldige keuze; kies uit {fout['ctx']['expected']}"
    return _MELDINGEN.get(fout["type"], "ongeldige waarde")


def meldingen(fout: ValidationError) -> list[tuple[str, str]]:
    """Every error as (field path, Dutch message), for a form that shows each at its field."""
    return [(veldpad(f["loc"]), vertaal_fout(f)) for f in fout.errors(include_url=False)]
