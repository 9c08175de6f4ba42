"""Assembling the plan van aanpak from what the app already knows (pure: no Streamlit).

Every pre-filled sentence is built from the content (factors, interventions, the CCV's plan
sections, analysis sources and sporen in ``content/plan/``), the Aanbeveler's structured result
(``aanbeveler.Result``: need, package, excluded) and the Planscan's public functions (``scan``,
``gaps``, ``gap_suggestions``, ``plan_warnings``); the municipality's own fields
(``PlanInputs``) are added as typed. The result is a ``PlanDocument`` that the page, the Word
file and the printable view render alike.
"""

from __future__ import annotations

import datetime as dt

from ..aanbeveler import Profile, Result
from ..catalog import intervention_row
from ..content import Kenniskaart
from ..models import Intervention, PracticeExample
from ..nl import plural
from ..planscan import (
    GROUPS,
    Plan,
    gap_suggestions,
    gaps,
    item_label,
    item_links,
    items_of,
    plan_warnings,
    scan,
)
from ..shortlist import DISCLAIMER, readable_sources
from ..texts import ONBEKEND, help_level_names, recognition_text
from ..vocabulary import (
    CAUTION_LABELS,
    EXCLUSION_LABELS,
    FACTOR_KIND_LABELS,
    FRAMEWORK_SHORT,
    NATURE_LABELS,
    PROVENANCE_LABELS,
)
from ..werksessie.room import ORG_TYPES
from .model import (
    Block,
    Bullets,
    Heading,
    Notice,
    Paragraph,
    PlanDocument,
    PlanInputs,
    Section,
    Table,
)
from .prefill import ages_text, default_partners, default_weighing, evidence_text, need_name, plan_ages, profile_factors
from .sporen import spoor_hits

TO_FILL = "nog in te vullen door de gemeente"
TITLE = "Plan van aanpak Preventie met Gezag"


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _intro(kk: Kenniskaart, section_id: str) -> tuple[str, list[Block]]:
    s = kk.by_id("plan_sections")[section_id]
    return s.title, [Paragraph(s.guidance, "Wat hoort hierin", guidance=True),
                     Paragraph("; ".join(readable_sources(kk, s.sources)), "Bron", guidance=True)]


def _boundary(kk, profile, result, inputs, ages) -> list[Block]:
    return [
        Table(("Onderdeel", "Invulling"), (
            ("Gemeente", inputs.municipality or TO_FILL),
            ("Wijk of wijken", inputs.neighbourhoods or TO_FILL),
            ("Leeftijd", ages_text(*ages)),
            ("Niveau van hulp", need_name(kk, result)),
        )),
        Heading("Wegingskader: voor wie wel, voor wie niet"),
        *(Paragraph(line) for line in _lines(inputs.weighing if inputs.weighing is not None
                                             else default_weighing(kk, profile, result, ages))),
    ]


def _analysis(kk, profile, inputs) -> list[Block]:
    chosen = profile_factors(kk, profile)
    room = inputs.room
    orgs = [o for o in ORG_TYPES if room is not None and room.orgs.get(o)]
    blocks: list[Block] = []
    if room is not None:
        answered = sum(room.orgs.values())
        blocks.append(Paragraph(f"Uit de werksessie '{room.title}': "
                                f"{plural(answered, 'antwoord', 'antwoorden')} ("
                                + ", ".join(f"{ORG_TYPES[o]} {room.orgs[o]}" for o in orgs) + ").", "Herkomst"))
    elif chosen:
        blocks.append(Paragraph("het profiel in de Aanbeveler.", "Herkomst"))
    if chosen:
        rows = []
        for f in chosen:
            votes = room.votes.get(f.id, {}) if room is not None else {}
            rows.append((f.name, FACTOR_KIND_LABELS[f.kind], NATURE_LABELS[f.nature], evidence_text(f),
                         FRAMEWORK_SHORT[f.framework], *(str(votes.get(o, 0)) for o in orgs)))
        blocks.append(Table(("Factor", "Soort", "Aard", "Sterkte van het bewijs", "Kader",
                             *(f"Stemmen {ORG_TYPES[o]}" for o in orgs)), tuple(rows)))
    else:
        blocks.append(Paragraph("Nog geen factoren: kies ze in de Aanbeveler of in een werksessie."))
    sources = kk.by_id("analysis_sources")
    used = [sources[a].name for a in inputs.analysis if a in sources] + _lines(inputs.own_analysis)
    blocks += [Heading("Gebruikte bronnen voor de analyse"), Bullets(tuple(used)) if used else Paragraph(TO_FILL)]
    return blocks


def _choice_rows(kk, item, result, package_why) -> tuple[tuple[str, str], ...]:
    factors = kk.by_id("factors")
    links = item_links(kk, item)
    addressed = "; ".join(f"{factors[f].name} ({PROVENANCE_LABELS[b]})" for f, b in links.items() if f in factors)
    need = need_name(kk, result)
    if isinstance(item, Intervention):
        cells = intervention_row(kk, item, ("erkenning", "voor wie", "leeftijd"))
        kind, recognition = "interventie uit de catalogus", str(cells["erkenning"])
        audience = f"{cells['voor wie']}; leeftijd {cells['leeftijd']}"
    elif isinstance(item, PracticeExample):
        kind = f"praktijkvoorbeeld ({item.municipality or 'gemeente onbekend'})"
        ivs = kk.by_id("interventions")  # an example is not rated; the interventions it uses may be
        recognition = "; ".join(f"gebruikt {ivs[i].name}: {recognition_text(ivs[i].recognition)}"
                                for i in item.interventions if i in ivs) or ONBEKEND
        audience = ONBEKEND
    else:
        kind, recognition, audience = "eigen aanpak van de gemeente", ONBEKEND, ages_text(item.min_age, item.max_age)
    levels = ", ".join(help_level_names(kk, item.help_levels)) or ONBEKEND
    rows = [("Soort", kind), ("Pakt aan", addressed or ONBEKEND), ("Erkenning", recognition),
            ("Voor wie", audience), ("Niveau van hulp", f"{levels} (nodig voor dit profiel: {need})")]
    if isinstance(item, Intervention):
        rows += [("Wie voert uit", item.delivered_by or ONBEKEND), ("Training of licentie", item.training or ONBEKEND),
                 ("Duur", item.duration or ONBEKEND)]
    why = package_why.get(item.id) if isinstance(item, Intervention) else None
    rows.append(("Waarom in het plan", f"in het pakket van de Aanbeveler: {why}" if why
                 else "gekozen door de gemeente (Planscan)"))
    cautions = [c.text for c in getattr(item, "cautions", ())]
    if cautions:
        rows.append(("Let op", " ".join(cautions)))
    return tuple(rows)


def _choices(kk, items, result) -> list[Block]:
    package_why = {p.intervention.id: p.why for p in result.package} if result is not None else {}
    blocks: list[Block] = []
    if not items:
        blocks.append(Paragraph("Het plan heeft nog geen onderdelen: kies interventies in de Aanbeveler of de "
                                "Planscan."))
    for n, item in enumerate(items, start=1):
        rows = _choice_rows(kk, item, result, package_why)
        blocks += [Heading(f"{n}. {item_label(item)}"), Table(("Onderdeel", "Invulling"), rows)]
    ivs = [i for i in items if isinstance(i, Intervention)]
    blocks.append(Heading("Professionals die nodig zijn"))
    blocks.append(Table(("Interventie", "Wie voert uit", "Training of licentie", "Duur"), tuple(
        (iv.name, iv.delivered_by or ONBEKEND, iv.training or ONBEKEND, iv.duration or ONBEKEND) for iv in ivs))
        if ivs else Paragraph("Geen interventies uit de catalogus in het plan; " + TO_FILL + "."))
    blocks.append(Heading("Wat valt af en waarom"))
    if result is None:
        blocks.append(Paragraph("Geen profiel: de Aanbeveler heeft niets laten afvallen."))
    elif not result.excluded:
        blocks.append(Paragraph("Voor dit profiel valt geen interventie af."))
    else:
        blocks.append(Table(("Interventie", "Reden", "Toelichting"), tuple(
            (x.intervention.name, EXCLUSION_LABELS[x.kind], x.reason) for x in result.excluded)))
    return blocks


def _sporen(kk, items) -> list[Block]:
    hits = spoor_hits(kk, items)
    blocks: list[Block] = [Table(("Spoor", "Planonderdelen"), tuple(
        (s.name, "; ".join(hits[s.id]) or "geen") for s in kk.sporen))]
    blocks += [Notice(f"Geen planonderdeel in het spoor {s.name.lower()}: {s.description}")
               for s in kk.sporen if not hits[s.id]]
    return blocks


def _partners(kk, plan, inputs) -> list[Block]:
    text = inputs.partners if inputs.partners is not None else default_partners(kk, plan, inputs)
    rows = []
    for line in _lines(text):
        name, _, role = line.partition(":")
        rows.append((name.strip(), role.strip()))
    return [Table(("Partner", "Rol"), tuple(rows)) if rows else Paragraph(TO_FILL)]


def _coverage(kk, items) -> list[Block]:
    coverage = scan(kk, items)
    rows = []
    for group in GROUPS:
        of_group = [c for c in coverage if c.group == group]
        n = sum(c.covered for c in of_group)
        rows.append((group, str(n), str(len(of_group) - n)))
    blocks: list[Block] = [Table(("Onderdeel", "Gedekt", "Niet gedekt"), tuple(rows))]
    open_ = gaps(coverage)
    suggestions = gap_suggestions(kk, coverage)
    ivs = kk.by_id("interventions")
    blocks.append(Heading("Gaten en suggesties"))
    blocks.append(Table(("Gat", "Onderdeel", "Suggesties uit de catalogus"), tuple(
        (c.name, c.group, ", ".join(ivs[i].name for i in suggestions.get(c.id, ())) or "geen") for c in open_))
        if open_ else Paragraph("Het plan dekt alle factoren, thema's en niveaus van hulp."))
    warnings = plan_warnings(kk, items)
    if warnings:
        blocks.append(Heading("Waarschuwingen"))
        blocks += [Notice(f"{w.item}: {CAUTION_LABELS[w.kind]}. {w.text}") for w in warnings]
    return blocks


def _monitor(kk, profile, items, monitor, today) -> list[Block]:
    from ..monitor.model import MonitorState
    from ..monitor.section import monitor_blocks  # here: kenniskaart.monitor builds on this package's model

    return monitor_blocks(kk, profile_factors(kk, profile), items, monitor or MonitorState(), today)


def _safeguarding(inputs: PlanInputs) -> list[Block]:
    lines = _lines(inputs.safeguarding)
    return [*(Paragraph(line) for line in lines), *([] if lines else [Paragraph(TO_FILL)]),
            Heading("Over de status van erkenningen"), Paragraph(DISCLAIMER)]


def assemble(kk: Kenniskaart, profile: Profile | None, plan: Plan, inputs: PlanInputs,
             result: Result | None = None, today: dt.date | None = None, monitor=None) -> PlanDocument:
    """The plan van aanpak. ``result``: ``aanbeveler.recommend(kk, profile)`` (None without a
    profile with factors); the page passes its cached one. ``monitor``: the session's
    ``monitor.MonitorState`` (None: no indicators followed yet)."""
    today = today or dt.date.today()
    items = items_of(kk, plan)
    ages = plan_ages(inputs, profile)
    parts = {
        "afbakening": lambda: _boundary(kk, profile, result, inputs, ages),
        "probleemanalyse": lambda: _analysis(kk, profile, inputs),
        "keuzes": lambda: _choices(kk, items, result),
        "sporen": lambda: _sporen(kk, items),
        "partners": lambda: _partners(kk, plan, inputs),
        "dekking": lambda: _coverage(kk, items),
        "monitor": lambda: _monitor(kk, profile, items, monitor, today),
        "borging": lambda: _safeguarding(inputs),
    }
    sections = []
    for s in kk.plan_sections:
        title, intro = _intro(kk, s.id)
        sections.append(Section(s.id, title, (*intro, *parts[s.id]())))
    title = f"{TITLE} – {inputs.municipality}" if inputs.municipality else TITLE
    return PlanDocument(title, f"Gemaakt met de Kenniskaart Preventie met Gezag op {today:%d-%m-%Y}",
                        tuple(sections), tuple(item_label(i) for i in items))

