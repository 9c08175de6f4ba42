"""The shortlist: comparison rows and the printable memo (pure, no Streamlit)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from html import escape

import pandas as pd

from .aanbeveler import Profile, Result, recommend
from .catalog import intervention_row
from .content import Kenniskaart
from .models import SourceRef
from .rules import harms_first
from .texts import (
    ONBEKEND,
    caution_text,
    or_unknown,
    source_text,
)
from .vocabulary import EVIDENCE_LABELS, EXCLUSION_LABELS, OFFENCE_LABELS, SETTING_LABELS

_ROW_POINTER = re.compile(r"^Per [\w ]+, rij\b", re.IGNORECASE)
"""A section that points at a row of an editor's table ('Per intervention, rij AJB'): an
internal pointer, not something a reader can look up."""


def readable_source(kk: Kenniskaart, ref: SourceRef) -> str:
    """The source by its title (``texts.source_text``), without internal table pointers."""
    if _ROW_POINTER.match(ref.section or ""):
        src = kk.by_id("sources").get(ref.source)
        if src is not None:
            year = f", {src.date.year}" if src.date else ""
            return f"{src.title} ({src.publisher}{year})"
    return source_text(kk, ref)


def readable_sources(kk: Kenniskaart, refs) -> list[str]:
    """``readable_source`` for each ref, each text once, in order."""
    out: list[str] = []
    for ref in refs:
        text = readable_source(kk, ref)
        if text not in out:
            out.append(text)
    return out


COMPARE_COLUMNS = (
    "interventie", "notitie", "leeftijd", "voor wie", "doelgroep", "factoren", "niveau van hulp",
    "erkenning", "waarschuwingen", "gebruikt in", "bronnen",
)


def move(items: list[str], item: str, step: int) -> list[str]:
    """A copy of ``items`` with ``item`` moved ``step`` places (clamped)."""
    out = list(items)
    if item not in out:
        return out
    i = out.index(item)
    j = max(0, min(len(out) - 1, i + step))
    out.insert(j, out.pop(i))
    return out


def compare_rows(kk: Kenniskaart, ids: Sequence[str], notes: Mapping[str, str]) -> list[dict[str, object]]:
    """One row per shortlisted intervention with the fields an advisor compares: the catalogue's
    cells (``catalog.intervention_row``), the advisor's note and the sources by title."""
    ivs = kk.by_id("interventions")
    rows = []
    for iid in ids:
        iv = ivs.get(iid)
        if iv is None:
            continue
        own = {"notitie": notes.get(iid, ""), "bronnen": "; ".join(readable_sources(kk, iv.sources))}
        cells = intervention_row(kk, iv, (c for c in COMPARE_COLUMNS if c not in own))
        rows.append({c: own[c] if c in own else cells[c] for c in COMPARE_COLUMNS})
    return rows


def compare_table(kk: Kenniskaart, ids: Sequence[str], notes: Mapping[str, str]) -> pd.DataFrame:
    return pd.DataFrame(compare_rows(kk, ids, notes), columns=list(COMPARE_COLUMNS))


def responsivity(profile: Profile) -> list[tuple[str, str]]:
    """The profile's responsivity inputs as (label, value), 'onbekend' where not stated: who
    the help is for (offence, LVB, a parent who takes part)."""
    def yes_no(value: bool | None) -> str:
        return ONBEKEND if value is None else ("ja" if value else "nee")

    return [
        ("delict", OFFENCE_LABELS[profile.offence] if profile.offence else ONBEKEND),
        ("licht verstandelijke beperking", yes_no(profile.lvb)),
        ("een ouder of verzorger die meedoet", yes_no(profile.parent)),
    ]


def profile_lines(kk: Kenniskaart, profile: Profile | None) -> list[str]:
    """The profile in plain Dutch lines (empty when there is no profile)."""
    if profile is None or not (profile.risk_factors or profile.protective_factors):
        return []
    factors = kk.by_id("factors")
    levels = kk.by_id("help_levels")
    lines = [f"Leeftijd: {profile.age} jaar" if profile.age is not None else "Leeftijd: niet opgegeven"]
    if profile.risk_factors:
        risks = (f for f in profile.risk_factors if f in factors)
        lines.append("Risicofactoren: " + "; ".join(
            f"{factors[f].name} ({EVIDENCE_LABELS[factors[f].evidence]})" for f in risks))
    if profile.protective_factors:
        lines.append("Te versterken: " + "; ".join(
            factors[f].name for f in profile.protective_factors if f in factors))
    if profile.settings:
        lines.append("Setting: " + ", ".join(SETTING_LABELS[s] for s in profile.settings))
    if profile.need in levels:
        lines.append(f"Niveau van hulp: {levels[profile.need].name}")
    lines += [f"{label[0].upper()}{label[1:]}: {value}" for label, value in responsivity(profile)]
    return lines


DISCLAIMER = (
    "Erkenningen van interventies gelden op de genoemde peildatum; ze verlopen na vijf jaar en "
    "worden dan opnieuw beoordeeld. Controleer de actuele status in de Databank Effectieve "
    "Jeugdinterventies van het NJi voordat u een besluit neemt. Koppelingen die als 'afgeleid' "
    "zijn gemarkeerd, zijn een indeling van het kenniskaart-team en niet van de bron."
)

_CSS = """
body { font-family: Arial, Helvetica, sans-serif; color: #1a1a2e; max-width: 46em; margin: 2em auto;
       line-height: 1.45; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #999; }
h3 { font-size: 1.05em; margin-bottom: .2em; } .meta, .src { color: #444; font-size: .9em; }
.let-op { border-left: 4px solid #b45309; padding-left: .6em; }
@media print { body { margin: 0; max-width: none; } h2, h3 { break-after: avoid; } section { break-inside: avoid; } }
"""


def memo_html(
    kk: Kenniskaart,
    ids: Sequence[str],
    notes: Mapping[str, str],
    profile: Profile | None,
    today: dt.date | None = None,
) -> str:
    """A self-contained HTML document for a council memo; every value is escaped."""
    today = today or dt.date.today()
    ivs = kk.by_id("interventions")
    result: Result | None = None
    if profile is not None and (profile.risk_factors or profile.protective_factors):
        result = recommend(kk, profile)
    reasons = {r.intervention.id: r for r in result.ranked} if result else {}
    falls_out = {x.intervention.id: x for x in result.excluded} if result else {}
    elsewhere = {r.intervention.id for r in result.for_organisation} if result else set()
    e = escape
    out = [
        "<!doctype html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        "<title>Shortlist interventies – Kenniskaart Preventie met Gezag</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Shortlist interventies</h1>",
        f'<p class="meta">Kenniskaart Preventie met Gezag · gemaakt op {today:%d-%m-%Y}</p>',
        "<h2>Profiel</h2>",
    ]
    lines = profile_lines(kk, profile)
    out.append("<ul>" + "".join(f"<li>{e(line)}</li>" for line in lines) + "</ul>" if lines
               else "<p>Geen profiel: de shortlist is niet voor een bepaald profiel gemaakt.</p>")
    if result is not None:
        levels = kk.by_id("help_levels")
        level = levels[result.need].name if result.need in levels else ONBEKEND
        out.append(f"<p><strong>Niveau van hulp (zo licht als mogelijk, zo zwaar als nodig):</strong> {e(level)}. "
                   f"{e(result.need_reason)}</p>")
    out.append("<h2>Interventies</h2>")
    if not ids:
        out.append("<p>De shortlist is leeg.</p>")
    for n, iid in enumerate((i for i in ids if i in ivs), start=1):
        iv = ivs[iid]
        out.append("<section>")
        out.append(f"<h3>{n}. {e(iv.name)}</h3>")
        meta = intervention_row(kk, iv, ("leeftijd", "voor wie", "doelgroep", "erkenning"))
        out.append('<p class="meta">' + " · ".join(f"{c[0].upper()}{c[1:]}: {e(str(v))}" for c, v in meta.items())
                   + "</p>")
        if iid in falls_out:  # the same verdict as the Aanbeveler
            out.append('<div class="let-op"><strong>Valt af voor dit profiel:</strong> '
                       f"{e(falls_out[iid].reason)}</div>")
        elif iid in elsewhere:
            out.append('<div class="let-op"><strong>Voor school of gemeente, niet voor één jongere van dit '
                       'profiel.</strong></div>')
        out.append(f"<p>{e(iv.description)}</p>")
        if notes.get(iid):
            out.append(f"<p><strong>Notitie:</strong> {e(notes[iid])}</p>")
        rec = reasons.get(iid)
        if rec:
            out.append("<p><strong>Waarom voor dit profiel:</strong></p><ul>"
                       + "".join(f"<li>{e(r)}</li>" for r in rec.reasons) + "</ul>")
        cautions = list(rec.cautions) if rec else [caution_text(c) for c in harms_first(iv.cautions)]
        if cautions:
            out.append('<div class="let-op"><strong>Let op:</strong><ul>'
                       + "".join(f"<li>{e(c)}</li>" for c in cautions) + "</ul></div>")
        out.append(f"<p><strong>Effect:</strong> {e(or_unknown(iv.effect))}</p>")
        srcs = readable_sources(kk, [*iv.sources, *(iv.recognition.sources if iv.recognition else [])])
        out.append('<p class="src">Bronnen: ' + "; ".join(e(s) for s in srcs) + "</p>")
        out.append("</section>")
    if result is not None and profile is not None:
        covered = {f.id for iid in ids if iid in reasons for f in reasons[iid].factors}
        open_factors = [f for f in kk.by_id("factors").values()
                        if f.id in (*profile.risk_factors, *profile.protective_factors) and f.id not in covered]
        out.append("<h2>Niet gedekte factoren</h2>")
        out.append("<ul>" + "".join(f"<li>{e(f.name)}</li>" for f in open_factors) + "</ul>" if open_factors
                   else "<p>De shortlist dekt alle factoren van het profiel.</p>")
    if result is not None:
        out.append("<h2>Wat valt af voor dit profiel en waarom</h2>")
        out.append("<ul>" + "".join(f"<li><strong>{e(x.intervention.name)}</strong> ({e(EXCLUSION_LABELS[x.kind])}): "
                                     f"{e(x.reason)}</li>" for x in result.excluded) + "</ul>" if result.excluded
                   else "<p>Voor dit profiel valt geen interventie af.</p>")
    out.append("<h2>Over de status van erkenningen</h2>")
    out.append(f"<p>{e(DISCLAIMER)}</p>")
    out.append("</body></html>")
    return "\n".join(out)
