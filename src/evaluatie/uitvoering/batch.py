"""A batch of reports: warm kernels in parallel worker processes (or on a Dask cluster), a cache, progress.

One failing partnership never stops the batch: its error is collected, shown in the gemeente's overview page and in
the summary, and the exit code says something failed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from concurrent.futures import as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from evaluatie.domein.fouten import Parameterfout
from evaluatie.opslag.laden import Gegevensset, laad_gegevens
from evaluatie.rapportage.overzicht import evaluaties, overzicht_html
from evaluatie.regels.analyse import Evaluatie, standaardjaar
from evaluatie.uitvoering.cache import Cache, taak_hash
from evaluatie.uitvoering.formaten import HtmlFormaat, binnen, schrijf_document
from evaluatie.uitvoering.taak import Opties, Taak, TaakUitkomst
from evaluatie.uitvoering.werk import dask_client, procespool


@dataclass
class Batchuitkomst:
    """What a batch did: reports written, reports skipped because nothing changed, and failures with their error."""

    gemaakt: list[Path] = field(default_factory=list)
    uit_cache: list[str] = field(default_factory=list)
    mislukt: dict[str, str] = field(default_factory=dict)
    overzichten: list[Path] = field(default_factory=list)

    @property
    def geslaagd(self) -> bool:
        return not self.mislukt

    def samenvatting(self) -> str:
        return (
            f"{len({p.with_suffix('') for p in self.gemaakt})} gemaakt, {len(self.uit_cache)} ongewijzigd (cache), "
            f"{len(self.mislukt)} mislukt."
        )


def _in_dit_proces(taken: list[Taak], warm_houden: bool = False) -> Iterator[TaakUitkomst]:
    """The reports in this process's warm kernel, in its report thread (`rapportdraad`). The kernel starts there
    while this thread imports papermill, nbconvert and WeasyPrint (a second of the kernel's boot). The kernel is
    stopped afterwards unless the caller keeps it for more (the form: its tab's report kernel lives with the tab)."""
    from evaluatie.uitvoering.kernel import rapportdraad, render_taak, stop_kernel, warm_op

    draad = rapportdraad()
    try:
        warm_op(taken[0].opties, weasyprint=False)
        # What the report needs after the kernel, loaded here while the kernel boots in the report thread.
        import evaluatie.uitvoering.motor  # papermill, and its engine registry
        import evaluatie.uitvoering.render  # noqa: F401 - nbconvert

        if any(f.naam == "pdf" for f in taken[0].opties.formaten):
            import weasyprint  # noqa: F401

        for taak in taken:
            yield draad.submit(render_taak, taak).result()
    finally:
        if not warm_houden:
            draad.submit(stop_kernel)  # the kernel stops while the overview is written; the thread ends after


def _kernel_niet_nodig(houden: bool) -> None:
    """Nothing to render: a kernel the command started ahead (`warm_op`) stops. Only a loaded kernel module can have
    started one, and importing it here would cost every cached run its import."""
    kernel = sys.modules.get("evaluatie.uitvoering.kernel")
    if kernel is not None and not houden:
        kernel.rapportdraad().submit(kernel.stop_kernel)


def _pool(taken: list[Taak], werkers: int, gebroken: list[Taak]) -> Iterator[TaakUitkomst]:
    """The reports in one process pool; those whose worker died (the pool broke under them) go to `gebroken`."""
    from evaluatie.uitvoering.kernel import render_taak

    with procespool(min(werkers, len(taken))) as pool:
        futures = {pool.submit(render_taak, taak): taak for taak in taken}
        for future in as_completed(futures):
            taak = futures[future]
            try:
                yield future.result()
            except BrokenProcessPool:
                gebroken.append(taak)
            except Exception as exc:  # noqa: BLE001 - one report's failure must not stop the batch
                yield TaakUitkomst(taak.sleutel, fout=f"werkproces gestopt: {type(exc).__name__}: {exc}")


def _in_processen(taken: list[Taak], werkers: int) -> Iterator[TaakUitkomst]:
    """Reports in worker processes. A worker that dies breaks the pool and every report in it; those are tried once
    more, each in a pool of its own, so a report that kills its worker takes no other report with it."""
    gebroken: list[Taak] = []
    yield from _pool(taken, werkers, gebroken)
    for taak in gebroken:
        opnieuw: list[Taak] = []
        yield from _pool([taak], 1, opnieuw)
        for mislukt in opnieuw:
            yield TaakUitkomst(mislukt.sleutel, fout="het werkproces stopte (ook bij een tweede poging)")


def _op_dask(taken: list[Taak], adres: str, werkers: int) -> Iterator[TaakUitkomst]:
    """Distribute over Dask: `local` starts a LocalCluster here; otherwise the scheduler's address."""
    from distributed import as_completed as dask_as_completed

    from evaluatie.uitvoering.kernel import render_taak, stop_kernel

    with dask_client(adres, werkers) as client:
        futures = client.map(render_taak, taken, pure=False)
        for future in dask_as_completed(futures):
            yield future.result()
        client.run(stop_kernel)


def verdeel(
    taken: list[Taak], werkers: int, dask: str | None = None, warm_houden: bool = False
) -> Iterator[TaakUitkomst]:
    """Run the tasks where asked: on Dask, in `werkers` processes, or (one worker) in this process — whose kernel
    stays for the next call with `warm_houden`."""
    if not taken:
        _kernel_niet_nodig(warm_houden or bool(dask))
        return iter(())
    if dask:
        return _op_dask(taken, dask, werkers)
    if werkers > 1 and len(taken) > 1:
        return _in_processen(taken, min(werkers, len(taken)))
    return _in_dit_proces(taken, warm_houden)


def _taken(
    gegevens: Gegevensset,
    data_dir: Path,
    uit: Path,
    jaar: int | None,
    opties: Opties,
    alleen: str | None,
    melding: Callable[[str], object],
) -> tuple[dict[str, tuple[int, list[Evaluatie]]], list[Taak]]:
    """Per gemeente its year and evaluations (for the overview), and the reports to make."""
    per_gemeente, taken = {}, []
    for gem in gegevens.gemeenten():
        gem_jaar = jaar or standaardjaar(gegevens.van(gem))
        if gem_jaar is None:
            melding(f"LET OP gemeente {gem}: geen jaar met gegevens; geef --jaar op.")
            continue
        evs = evaluaties(gegevens, gem, gem_jaar)
        per_gemeente[gem] = (gem_jaar, evs)
        for ev in evs:
            if alleen in (None, ev.samenwerking.id):
                titel = f"{ev.samenwerking.titel} – {gem_jaar}"
                taken.append(Taak(data_dir, gem, ev.samenwerking.id, gem_jaar, uit, titel, opties))
    return per_gemeente, taken


def rapporteer(
    data_dir: Path,
    uit: Path,
    jaar: int | None = None,
    gemeente: str | None = None,
    opties: Opties | None = None,
    werkers: int = 1,
    dask: str | None = None,
    opnieuw: bool = False,
    voortgang: bool = False,
    melding: Callable[[str], object] = print,
    alleen: str | None = None,
    warm_houden: bool = False,
) -> Batchuitkomst:
    """Render every partnership of every (or one) gemeente for a year, then each gemeente's overview page (written
    only when its content changed).

    `alleen` limits the rendering to one partnership id (the form's "rapport maken"); the overview stays complete.
    `warm_houden` keeps this process's report kernel for the next call (the form's tab).
    """
    opties = opties or Opties()
    gegevens = laad_gegevens(data_dir, gemeente)
    if gemeente and gemeente not in gegevens.gemeenten():
        raise Parameterfout(f"Gemeente '{gemeente}' heeft geen bestanden in {data_dir}.")
    uitkomst = Batchuitkomst()
    for fout in gegevens.fouten:
        uitkomst.mislukt[str(fout.bestand)] = str(fout)
        melding(f"FOUT  {fout}")
    per_gemeente, taken = _taken(gegevens, data_dir, uit, jaar, opties, alleen, melding)

    cache = Cache(uit)
    hashes = {t.sleutel: taak_hash(t) for t in taken}
    te_doen = [t for t in taken if opnieuw or not cache.actueel(t, hashes[t.sleutel])]
    uitkomst.uit_cache = [t.sleutel for t in taken if t not in te_doen]

    with tqdm(total=len(te_doen), unit="rapport", disable=not voortgang, desc="rapporten") as balk:
        for r in verdeel(te_doen, werkers, dask, warm_houden):
            if r.fout is None:
                uitkomst.gemaakt += r.paden
                cache.zet(r.sleutel, hashes[r.sleutel])
            else:
                uitkomst.mislukt[r.sleutel] = r.fout
                cache.vergeet(r.sleutel)
                melding(f"FOUT  {r.sleutel}: {r.fout}")
            balk.update()
    cache.bewaar()

    for gem, (gem_jaar, evs) in per_gemeente.items():
        fouten = {
            t.samenwerking: uitkomst.mislukt[t.sleutel]
            for t in taken
            if t.gemeente == gem and t.sleutel in uitkomst.mislukt
        }
        uitkomst.overzichten += schrijf_overzicht(gegevens, gem, gem_jaar, evs, fouten, uit, opties)
    return uitkomst


def _overzicht_ongewijzigd(html: str, map_: Path, opties: Opties) -> bool:
    """The overview there was written from this very HTML: its `index.html` has these bytes, and each requested
    file was written after it (all are written from the same HTML, the HTML first)."""
    if HtmlFormaat() not in opties.formaten:
        return False
    index = map_ / "index.html"
    try:
        if index.read_bytes() != html.encode("utf-8"):
            return False
        pdf = any(f.naam == "pdf" for f in opties.formaten)
        return not pdf or (map_ / "overzicht.pdf").stat().st_mtime_ns >= index.stat().st_mtime_ns
    except OSError:
        return False


def schrijf_overzicht(
    gegevens: Gegevensset,
    gemeente: str,
    jaar: int,
    evs: list[Evaluatie],
    fouten: dict[str, str],
    uit: Path,
    opties: Opties,
) -> list[Path]:
    """`index.html` for the browser (sortable, filterable) and `overzicht.pdf` for the griffie; nothing is written
    when the overview says the same as the one there (its PDF is the slow part of the form's "Rapport maken")."""
    html = overzicht_html(gegevens, gemeente, jaar, evs, fouten, opties.voet)
    if _overzicht_ongewijzigd(html, binnen(uit, gemeente, str(jaar)), opties):
        return []
    # The browser's page is index.html (a folder opens on it); the printed one overzicht.pdf.
    return [
        p
        for f in opties.formaten
        for p in schrijf_document(html, uit, (gemeente, str(jaar)), "index" if f.naam == "html" else "overzicht", (f,))
    ]
