"""The tidy export's file hashes: read again only when a file changed (stat first), never a pipe."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from evaluatie.uitvoering.tidy_delen import Bestandshashes
from evaluatie.uitvoering.tidy_export import tidy_tabellen

from ..conftest import DATA


def test_bestand_opnieuw_gehasht_alleen_als_het_veranderde(tmp_path: Path):
    pad = tmp_path / "a.yaml"
    pad.write_text("naam: A\n", encoding="utf-8")
    cache = tmp_path / "cache"
    eerste = Bestandshashes(cache)
    voor = eerste.hash(str(pad))
    eerste.bewaar()
    assert (cache / "bestanden.json").is_file()
    time.sleep(0.01)
    pad.write_text("naam: B\n", encoding="utf-8")  # the same size: the modification time tells
    assert Bestandshashes(cache).hash(str(pad)) != voor
    os.utime(pad, ns=(1, 1))  # a stat the index knows nothing of: read again, same content, same hash
    assert Bestandshashes(cache).hash(str(pad)) == Bestandshashes(None).hash(str(pad))


def test_pijp_met_yaml_naam_blokkeert_de_export_niet(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(DATA / "voorbeeldstad", data / "voorbeeldstad")
    os.mkfifo(data / "voorbeeldstad" / "pijp.yaml")
    tabellen, _ = tidy_tabellen([data], cache=tmp_path / "cache")
    assert len(tabellen["samenwerkingen"]) == len(list((DATA / "voorbeeldstad").glob("*.yaml")))


def test_kapot_cachedeel_wordt_opnieuw_gebouwd(tmp_path: Path):
    """A cached part that cannot be read (a disk error, another version) is built again, and the tables agree."""
    data, cache = tmp_path / "data", tmp_path / "cache"
    shutil.copytree(DATA, data)
    voor, _ = tidy_tabellen([data], cache=cache)
    deel = sorted(cache.glob("map-*.pkl"))[0]
    deel.write_bytes(b"geen pickle")
    na, telling = tidy_tabellen([data], cache=cache)
    assert telling["gebouwd"] == 1 and telling["uit_cache"] == len(list(data.iterdir())) - 1
    assert all(voor[naam].equals(na[naam]) for naam in voor)
