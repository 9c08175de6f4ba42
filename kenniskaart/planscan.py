"""Planscan: which factors, themes and levels of help a municipality's plan covers (pure).

A plan is a list of catalogue interventions, practice examples (e.g. a BOTOC
municipality's 2020 plan) and the municipality's own entries. Coverage uses the factor
links, themes and help levels of those items, each with its provenance: stated by a source
for the item (``bron``), stated only for the item's praktijkscan theme (``thema``, seed 002
§3.1.1), derived by the team (``team``) or stated by the municipality (``eigen``). A factor and
its twins are one row with one verdict, computed once and listed (counted once) in every group
one of them belongs to; static factors are context, never gaps.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Annotated

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from .content import Kenniskaart, user_message
from .models import BASIS_ORDER, RECOGNITION_ORDER, Factor, Guidance, Intervention, PracticeExample
from .present import BASIS_LABELS
from .signals import (
    HARM_ORDER,
    counts_as_coverage,
    effective_recognition,
    for_young_person,
    in_pmg_ages,
    is_recognised,
)


class OwnEntry(BaseModel):
    """An intervention a municipality enters itself (not in the catalogue)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    min_age: int | None = Field(default=None, ge=0, le=99)
    max_age: int | None = Field(default=None, ge=0, le=99)
    pmg_themes: tuple[str, ...] = ()
    factors: tuple[str, ...] = ()
    """Factor ids the municipality says it addresses."""
    help_levels: tuple[str, ...] = ()
    praktijkscan_themes: tuple[str, ...] = ()


class Plan(BaseModel):
    """A municipality's plan: catalogue interventions, practice examples and own entries."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    interventions: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    own: tuple[OwnEntry, ...] = ()


PlanItem = Intervention | PracticeExample | OwnEntry
ALL_BOTOC = "*"
ALL_BOTOC_LABEL = "Alle BOTOC-gemeenten"
GROUNDED_ROW = "Interventies op een gefundeerde factor"
YOUR_PLAN = "uw-plan"
YOUR_PLAN_LABEL = "Uw plan"
PLAN_FORMAT = "kenniskaart-plan"
PLAN_VERSION = 1
MAX_PLAN_BYTES = 200_000


class PlanFileError(ValueError):
    """A plan file that cannot be read; the message is Dutch and meant for the user."""


def plan_to_json(plan: Plan) -> bytes:
    data = {"formaat": PLAN_FORMAT, "versie": PLAN_VERSION, **plan.model_dump(mode="json")}
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def plan_from_json(kk: Kenniskaart, raw: bytes) -> tuple[Plan, list[str]]:
    """Read a plan file. Unknown ids are dropped with notices; a bad file raises PlanFileError."""
    if len(raw) > MAX_PLAN_BYTES:
        raise PlanFileError("Het bestand is te groot voor een plan (meer dan 200 kB).")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise PlanFileError("Dit is geen planbestand van de kenniskaart (geen geldige JSON).") from None
    if not isinstance(data, dict) or data.get("formaat") != PLAN_FORMAT:
        raise PlanFileError("Dit is geen planbestand van de kenniskaart (formaat ontbreekt).")
    if data.get("versie") != PLAN_VERSION:
        raise PlanFileError(f"Onbekende versie van het planbestand: {data.get('versie')!r}.")
    body = {k: v for k, v in data.items() if k not in ("formaat", "versie")}
    try:
        plan = Plan.model_validate(body)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise PlanFileError(f"Het planbestand is ongeldig bij '{where}': {user_message(err)}.") from None
    return clean_plan(kk, plan)


def clean_plan(kk: Kenniskaart, plan: Plan) -> tuple[Plan, list[str]]:
    """Drop ids that do not exist in the content, with a notice per kind."""
    notices: list[str] = []

    def keep(ids, pool, label):
        good = tuple(i for i in ids if i in pool)
        bad = [i for i in ids if i not in pool]
        if bad:
            notices.append(f"Onbekende {label} genegeerd: {', '.join(b[:40] for b in bad[:5])}")
        return good

    factors, levels = kk.by_id("factors"), kk.by_id("help_levels")
    pmg = {t.id for t in kk.pmg_themes}
    ps = {t.id for t in kk.praktijkscan_themes}
    own = tuple(
        e.model_copy(update={
            "factors": keep(e.factors, factors, f"factoren bij '{e.name}'"),
            "pmg_themes": keep(e.pmg_themes, pmg, f"thema's bij '{e.name}'"),
            "help_levels": keep(e.help_levels, levels, f"niveaus van hulp bij '{e.name}'"),
            "praktijkscan_themes": keep(e.praktijkscan_themes, ps, f"interventiethema's bij '{e.name}'"),
        })
        for e in plan.own
    )
    cleaned = Plan(
        interventions=keep(plan.interventions, kk.by_id("interventions"), "interventies"),
        examples=keep(plan.examples, kk.by_id("examples"), "praktijkvoorbeelden"),
        own=own,
    )
    return cleaned, notices


def plan_items(
    kk: Kenniskaart, intervention_ids: list[str], example_ids: list[str], own: tuple[OwnEntry, ...] = ()
) -> list[PlanItem]:
    ivs, exs = kk.by_id("interventions"), kk.by_id("examples")
    return [ivs[i] for i in intervention_ids if i in ivs] + [exs[e] for e in example_ids if e in exs] + list(own)


def items_of(kk: Kenniskaart, plan: Plan) -> list[PlanItem]:
    """The plan's items (unknown ids skipped)."""
    return plan_items(kk, list(plan.interventions), list(plan.examples), plan.own)


def municipality_preset(kk: Kenniskaart, municipality: str) -> list[str]:
    """Example ids of a BOTOC municipality's plan (all municipalities for ``ALL_BOTOC``)."""
    return [
        e.id for e in kk.examples
        if e.kind == "botoc" and (municipality == ALL_BOTOC or e.municipality == municipality)
    ]


def botoc_municipalities(kk: Kenniskaart) -> list[str]:
    return sorted({e.municipality for e in kk.examples if e.kind == "botoc" and e.municipality})


# --- where a plan item's factors come from ------------------------------------------

OWN = "eigen"
"""Provenance of a factor a municipality states for its own entry ('eigen opgave')."""

PROVENANCE_ORDER: dict[str, int] = {**BASIS_ORDER, OWN: BASIS_ORDER["bron"]}
"""Strongest first: a direct statement (source, or the municipality's own) beats a
theme-level one, which beats the team's derivation."""

PROVENANCE_LABELS: dict[str, str] = {**BASIS_LABELS, OWN: "eigen opgave van de gemeente"}


def item_label(item: PlanItem) -> str:
    """How a plan item is named on screen: BOTOC items with their code (two municipalities
    both run 'Alleen jij bepaalt wie je bent')."""
    if isinstance(item, PracticeExample) and item.code:
        return f"{item.code} {item.name}"
    return item.name


def _stronger(a: str | None, b: str) -> str:
    return b if a is None or PROVENANCE_ORDER[b] > PROVENANCE_ORDER[a] else a


def item_links(kk: Kenniskaart, item: PlanItem) -> dict[str, str]:
    """Factor id -> strongest provenance of the item's link to it.

    * Catalogue interventions: their own factor links.
    * Practice examples: their own links and those of the catalogue interventions they use;
      BOTOC items also the factors seed 002 §3.1.1 names for their praktijkscan theme
      (provenance ``thema``: 'de interventies in dit thema richten zich voornamelijk op …').
    * Own entries: the factors the municipality names (``eigen``), and the theme-level
      factors of the praktijkscan themes it chose (``thema``).
    """
    out: dict[str, str] = {}

    def add(fid: str, basis: str) -> None:
        out[fid] = _stronger(out.get(fid), basis)

    themes = kk.by_id("themes")
    if isinstance(item, OwnEntry):
        for fid in item.factors:
            add(fid, OWN)
        theme_flow = True
    else:
        for link in item.factors:
            add(link.factor, link.basis)
        theme_flow = isinstance(item, PracticeExample) and item.kind == "botoc"
        if isinstance(item, PracticeExample):
            ivs = kk.by_id("interventions")
            for iid in item.interventions:
                for link in ivs[iid].factors:
                    add(link.factor, link.basis)
    if theme_flow:
        for tid in item.praktijkscan_themes:
            theme = themes.get(tid)
            if theme is not None:
                for fid in (*theme.risk_factors, *theme.protective_factors):
                    add(fid, "thema")
    return out


# --- coverage ------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One plan item covering a target, and on what that rests."""

    item: str
    basis: str
    """``bron`` / ``thema`` / ``team`` (see ``models.Basis``) or ``eigen``; for themes and
    levels of help the item's own classification (``bron``)."""


@dataclass(frozen=True)
class Coverage:
    """For one target (factor, theme or help level): which plan items cover it."""

    id: str
    name: str
    group: str
    hits: tuple[Hit, ...] = ()
    twins: tuple[str, ...] = ()
    """Names of the same factor in another framework; they are this one row (counted once)."""
    factor_ids: tuple[str, ...] = ()
    """For a factor row: the ids of the factor and its twins (the whole twin class)."""
    groups: tuple[str, ...] = ()
    """For a factor row: every group this same row appears in, with the same verdict."""

    @property
    def covered_by(self) -> tuple[str, ...]:
        return tuple(h.item for h in self.hits)

    @property
    def covered(self) -> bool:
        return bool(self.hits)

    @property
    def basis(self) -> str | None:
        """Strongest provenance among the hits (None when not covered)."""
        best: str | None = None
        for h in self.hits:
            best = _stronger(best, h.basis)
        return best

    def by_basis(self) -> dict[str, tuple[str, ...]]:
        """Item names per provenance, strongest provenance first."""
        order = sorted({h.basis for h in self.hits}, key=lambda b: -PROVENANCE_ORDER[b])
        return {b: tuple(h.item for h in self.hits if h.basis == b) for b in order}


GROUPS = (
    "Gefundeerde risicofactoren",
    "Beschermende factoren (Beke)",
    "Factoren gezin en gemeenschap",
    "PmG-thema's",
    "Niveaus van hulp",
)
"""The parts of the scan that can have gaps, in display order."""

FACTOR_GROUPS = GROUPS[:3]
CONTEXT_GROUP = "Context: statische factoren"
"""Static factors (sex, age, offending history, …): they set the level of help a plan needs
but no intervention changes them, so they are never a gap (seed 001 les 1, risicobeginsel)."""


def _in_group(f: Factor, group: str) -> bool:
    if group == GROUPS[0]:
        return f.framework == "beke_kennissynthese" and f.kind == "risico" and f.evidence == "gefundeerd"
    if group == GROUPS[1]:
        return f.framework == "beke_kennissynthese" and f.kind == "beschermend"
    return f.framework == "samen_weerbaar" or (
        f.framework == "beke_kennissynthese" and f.level in ("gezin", "gemeenschap")
    )


def is_grounded_factor(f: Factor) -> bool:
    """What seed 002 counts as a 'gefundeerde risico- of beschermingsfactor': a gefundeerde
    Beke risk factor or a Beke protective factor (the two lists of the kennissynthese)."""
    return _in_group(f, GROUPS[0]) or _in_group(f, GROUPS[1])


def _class_of(kk: Kenniskaart, factor_id: str) -> frozenset[str]:
    """The factor's twin class (``Kenniskaart.twin_ids``: the one twin relation)."""
    return kk.twin_ids(factor_id)


def counts_in_plan(kk: Kenniskaart, item: PlanItem) -> bool:
    """Whether a plan item counts as coverage: not when a source reports harm or a trial found no
    effect, for the item itself or a catalogue intervention a practice example uses
    (``signals.counts_as_coverage``). Such an item stays in the plan with its warning."""
    if isinstance(item, OwnEntry):
        return True
    if not counts_as_coverage(item):
        return False
    if isinstance(item, PracticeExample):
        ivs = kk.by_id("interventions")
        return all(counts_as_coverage(ivs[iid]) for iid in item.interventions if iid in ivs)
    return True


def scan(kk: Kenniskaart, items: list[PlanItem]) -> list[Coverage]:
    """Coverage of every target in ``GROUPS`` (and the static context) by the plan's items.

    Items that can harm or had no effect count nowhere (``counts_in_plan``).
    A factor and its twins (``Kenniskaart.twin_ids``) are one row with one verdict, computed once: it
    is listed in every factor group one of them belongs to (a Beke factor at family level is
    both gefundeerd and 'gezin en gemeenschap'), counted once per group, and always with the
    same items, provenance and (as a gap) suggestions. Static factors are context, once.
    """
    factors = kk.by_id("factors")
    items = [i for i in items if counts_in_plan(kk, i)]
    per_item = [(item_label(i), item_links(kk, i)) for i in items]
    position = kk.factor_positions

    def hits_of(members: frozenset[str]) -> tuple[Hit, ...]:
        hits = []
        for label, links in per_item:
            best = None
            for fid in members:
                if fid in links:
                    best = _stronger(best, links[fid])
            if best is not None:
                hits.append(Hit(label, best))
        return tuple(hits)

    # which groups each class belongs to, and the factor that names it (the first of the class
    # in the first group it belongs to, in content order)
    in_groups: dict[frozenset[str], list[str]] = {}
    order: dict[str, list[frozenset[str]]] = {g: [] for g in FACTOR_GROUPS}
    named: dict[frozenset[str], Factor] = {}
    for group in FACTOR_GROUPS:
        for f in kk.factors:
            if not _in_group(f, group):
                continue
            cls = _class_of(kk, f.id)
            named.setdefault(cls, f)
            groups = in_groups.setdefault(cls, [])
            if group not in groups:
                groups.append(group)
                order[group].append(cls)
    linked = {fid for _, links in per_item for fid in links}
    for f in kk.factors:  # static factors outside the groups that the plan names: context
        cls = _class_of(kk, f.id)
        if f.id in linked and cls not in named and f.nature == "statisch":
            named[cls] = f
            in_groups[cls] = []

    def is_static(cls: frozenset[str]) -> bool:
        return all(factors[fid].nature == "statisch" for fid in cls if fid in factors)

    verdicts: dict[frozenset[str], Coverage] = {}
    for cls, f in named.items():  # one verdict per class
        twins = tuple(factors[t].name for t in sorted(cls - {f.id}, key=lambda t: position.get(t, 0)) if t in factors)
        ids = tuple(sorted(cls, key=lambda t: (t != f.id, position.get(t, 0))))
        groups = tuple(in_groups[cls]) if not is_static(cls) else (CONTEXT_GROUP,)
        verdicts[cls] = Coverage(f.id, f.name, groups[0], hits_of(cls), twins, ids, groups)

    out: list[Coverage] = []
    for group in FACTOR_GROUPS:
        out.extend(replace(verdicts[cls], group=group) for cls in order[group] if not is_static(cls))
    context = [v for cls, v in verdicts.items() if is_static(cls)]
    for t in kk.pmg_themes:
        hits = tuple(Hit(item_label(i), OWN if isinstance(i, OwnEntry) else "bron")
                     for i in items if t.id in i.pmg_themes)
        out.append(Coverage(t.id, t.name, GROUPS[3], hits))
    for h in sorted(kk.help_levels, key=lambda h: h.order):
        hits = tuple(Hit(item_label(i), OWN if isinstance(i, OwnEntry) else "bron")
                     for i in items if h.id in i.help_levels)
        out.append(Coverage(h.id, h.name, GROUPS[4], hits))
    return out + context


def gaps(coverage: list[Coverage]) -> list[Coverage]:
    """What the plan does not cover; static factors are context, never a gap."""
    return [c for c in coverage if c.group in GROUPS and not c.covered]


def grounded_items(kk: Kenniskaart, items: list[PlanItem]) -> list[PlanItem]:
    """Items that (ogenschijnlijk) rest on a gefundeerde risk factor or a Beke protective
    factor, directly, through a twin, or at theme level: seed 002 §3.2 counts 56 of 62.
    The same rule as ``scan``: the item covers a row of one of those two groups."""
    factors = kk.by_id("factors")
    out = []
    for item in items:
        ids = {t for fid in item_links(kk, item) for t in _class_of(kk, fid)}
        if any(fid in factors and is_grounded_factor(factors[fid]) for fid in ids):
            out.append(item)
    return out


def summary(coverage: list[Coverage]) -> pd.DataFrame:
    """Covered / not covered per group (for the chart and its table)."""
    rows = []
    for group in GROUPS:
        items = [c for c in coverage if c.group == group]
        n = sum(c.covered for c in items)
        rows.append({"onderdeel": group, "status": "gedekt", "aantal": n})
        rows.append({"onderdeel": group, "status": "niet gedekt", "aantal": len(items) - n})
    return pd.DataFrame(rows, columns=["onderdeel", "status", "aantal"])


def coverage_table(coverage: list[Coverage]) -> pd.DataFrame:
    """One row per target, for the CSV download."""
    rows = [
        {
            "onderdeel": c.group,
            "factor of thema": c.name,
            "ook genoemd als": "; ".join(c.twins),
            "gedekt": ("ja" if c.covered else "nee") if c.group in GROUPS else "context",
            "aantal interventies": len(c.hits),
            "sterkste grondslag": PROVENANCE_LABELS[c.basis] if c.basis else "",
            "door": ", ".join(c.covered_by),
        }
        for c in coverage
    ]
    return pd.DataFrame(
        rows,
        columns=["onderdeel", "factor of thema", "ook genoemd als", "gedekt", "aantal interventies",
                 "sterkste grondslag", "door"],
    )


# --- what does not work or can harm ---------------------------------------------------


@dataclass(frozen=True)
class Warning:
    item: str
    """The plan item's label."""
    kind: str
    """Caution kind: kan_schaden, geen_effect, niet_aangetoond, voorlichting or groepsinterventie."""
    text: str
    guidance: str | None



def plan_warnings(kk: Kenniskaart, items: list[PlanItem]) -> list[Warning]:
    """Plan items a source says do not work or can harm, awareness lessons for everyone and group
    interventions with at-risk youths (the Kwaliteitskader's warnings), harms first. A practice
    example also carries the warnings of the catalogue interventions it uses."""
    ivs = kk.by_id("interventions")
    out: list[Warning] = []
    for item in items:
        cautions = list(getattr(item, "cautions", ()))
        if isinstance(item, PracticeExample):
            cautions += [c for iid in item.interventions for c in ivs[iid].cautions]
        seen: set[tuple[str, str]] = set()
        for c in cautions:
            if c.kind in HARM_ORDER and (c.kind, c.text) not in seen:
                seen.add((c.kind, c.text))
                out.append(Warning(item_label(item), c.kind, c.text, c.guidance))
    return sorted(out, key=lambda w: HARM_ORDER[w.kind])


# --- suggestions for gaps ------------------------------------------------------------


def _theme_or_level_suggestions(kk: Kenniskaart, c: Coverage, limit: int) -> list[str]:
    field = "pmg_themes" if c.group == GROUPS[3] else "help_levels"
    fitting = [iv for iv in kk.interventions
               if c.id in getattr(iv, field) and for_young_person(iv) and counts_as_coverage(iv) and in_pmg_ages(iv)]
    fitting.sort(key=lambda iv: (
        not is_recognised(iv.recognition),
        -RECOGNITION_ORDER.get(iv.recognition.level if iv.recognition else "", 0),
        iv.name.casefold(),
    ))
    return [iv.id for iv in fitting[:limit]]


def suggestions_for_factor(kk: Kenniskaart, factor_ids: tuple[str, ...]) -> list[Intervention]:
    """What a plan can add for a factor (or its class) whose young people's age is not known:
    interventions for one young person that address it and count as coverage, within the PmG
    ages (8-27, ``signals.in_pmg_ages``); recognised first (the strongest rating for the factor's
    outcome first), then by name. The same verdict as the Aanbeveler's: nothing that can harm or
    had no effect, nothing for a whole class or the municipality."""
    ids = frozenset(t for fid in factor_ids for t in kk.twin_ids(fid))
    found: dict[str, Intervention] = {}
    for fid in factor_ids:
        for iv in kk.interventions_for_factor(fid):
            if for_young_person(iv) and counts_as_coverage(iv) and in_pmg_ages(iv):
                found.setdefault(iv.id, iv)

    def order(iv: Intervention) -> tuple:
        rec = effective_recognition(iv, ids)
        return (not is_recognised(rec), -RECOGNITION_ORDER.get(rec.level if rec else "", 0), iv.name.casefold())

    return sorted(found.values(), key=order)


def gap_suggestions(kk: Kenniskaart, coverage: list[Coverage], limit: int = 3) -> dict[str, list[str]]:
    """For every gap in every group: up to ``limit`` catalogue interventions that fill it.

    Factors: ``suggestions_for_factor``. PmG themes and levels of help: interventions in that theme
    or level, recognised ones first (the same filters).
    """
    return {c.id: list(_suggestions_for(kk, c, limit)) for c in gaps(coverage)}


def _suggestions_for(kk: Kenniskaart, c: Coverage, limit: int) -> tuple[str, ...]:
    if c.group not in FACTOR_GROUPS:
        return tuple(_theme_or_level_suggestions(kk, c, limit))
    f = kk.by_id("factors")[c.id]
    members = c.factor_ids or tuple(sorted(_class_of(kk, f.id), key=lambda fid: fid != f.id))
    return tuple(iv.id for iv in suggestions_for_factor(kk, members))[:limit]


# --- comparing municipalities ---------------------------------------------------------



def municipality_label(municipality: str) -> str:
    return {ALL_BOTOC: ALL_BOTOC_LABEL, YOUR_PLAN: YOUR_PLAN_LABEL}.get(municipality, municipality)


def compare(
    kk: Kenniskaart, municipalities: list[str], plan: Plan | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Coverage of BOTOC municipalities (and the user's own plan) side by side.

    Returns (per group: 'gedekt' of 'totaal' per municipality, with the number of items and
    how many rest on a gefundeerde factor; per target: number of the municipality's items
    covering it, 0 = a gap). ``ALL_BOTOC`` stands for the 62 items together, ``YOUR_PLAN``
    for ``plan``.
    """
    summary_rows = []
    detail: dict[str, list] = {}
    index: list[tuple[str, str]] = []
    for m in municipalities:
        items = _items_for(kk, m, plan)
        coverage = scan(kk, items)
        label = municipality_label(m)
        summary_rows.append({
            "gemeente": label, "onderdeel": GROUNDED_ROW,
            "gedekt": len(grounded_items(kk, items)), "totaal": len(items),
        })
        for group in GROUPS:
            rows = [c for c in coverage if c.group == group]
            summary_rows.append({
                "gemeente": label, "onderdeel": group,
                "gedekt": sum(c.covered for c in rows), "totaal": len(rows),
            })
        targets = [c for c in coverage if c.group in GROUPS]
        if not index:
            index = [(c.group, c.name) for c in targets]
        detail[label] = [len(c.hits) for c in targets]
    summary_df = pd.DataFrame(summary_rows, columns=["gemeente", "onderdeel", "gedekt", "totaal"])
    summary_df["percentage"] = (100 * summary_df["gedekt"] / summary_df["totaal"].where(summary_df["totaal"] > 0)).round(0)
    detail_df = pd.DataFrame({"onderdeel": [g for g, _ in index], "factor of thema": [n for _, n in index], **detail})
    return summary_df, detail_df


def _items_for(kk: Kenniskaart, municipality: str, plan: Plan | None) -> list[PlanItem]:
    if municipality == YOUR_PLAN:
        return items_of(kk, plan or Plan())
    return plan_items(kk, [], municipality_preset(kk, municipality))


MAX_NAMES = 6


def names_list(names: tuple[str, ...] | list[str], limit: int = MAX_NAMES) -> str:
    """'a, b, c en 4 andere' (Dutch, at most ``limit`` names)."""
    names = list(names)
    shown = ", ".join(names[:limit])
    return shown + (f" en {len(names) - limit} andere" if len(names) > limit else "")


def _factor_frameworks(kk: Kenniskaart, group: str) -> tuple[int, int]:
    """(Samen Weerbaar factors, Beke factors) among a group's dynamic rows, twins as one."""
    factors = kk.by_id("factors")
    rows = [c for c in scan(kk, []) if c.group == group]
    sw = sum(any(factors[f].framework == "samen_weerbaar" for f in c.factor_ids) for c in rows)
    return sw, len(rows) - sw


HOW_COVERED = (
    "Een interventie dekt een factor als een bron dat zegt van de interventie zelf (of van de "
    "catalogus-interventie die een BOTOC-project gebruikt), als de praktijkscan het zegt van het "
    "thema van een BOTOC-project (alleen op themaniveau), of als het kenniskaart-team het zo indeelt; "
    "een eigen interventie dekt de factoren die de gemeente zelf noemt. Dezelfde factor in twee "
    "bronnen (Beke en Samen Weerbaar) is één factor: wie de ene dekt, dekt de andere, en hij heeft "
    "overal hetzelfde oordeel."
)
"""When a plan item covers a factor (the links ``item_links`` and ``scan`` count), in Dutch."""


def row_explanations(kk: Kenniskaart) -> dict[str, str]:
    """What each row of the comparison counts (Dutch, plain text), with today's numbers."""
    empty = scan(kk, [])
    n = {g: sum(c.group == g for c in empty) for g in GROUPS}
    shared = sum(c.group == GROUPS[2] and len(c.groups) > 1 for c in empty)
    sw, beke = _factor_frameworks(kk, GROUPS[2])
    return {
        GROUNDED_ROW: (
            "Hoeveel van de interventies van de gemeente (ogenschijnlijk) rusten op een gefundeerde "
            "risicofactor of een beschermende factor uit de kennissynthese van Beke, rechtstreeks, via "
            "dezelfde factor in Samen Weerbaar of op themaniveau (de praktijkscan telde 56 van de 62)."
        ),
        GROUPS[0]: (
            f"De {n[GROUPS[0]]} dynamische gefundeerde risicofactoren uit de kennissynthese van Beke "
            "(statische factoren zoals geslacht en leeftijd zijn context, geen gat)."
        ),
        GROUPS[1]: f"De {n[GROUPS[1]]} dynamische beschermende factoren uit de kennissynthese van Beke.",
        GROUPS[2]: (
            f"De {n[GROUPS[2]]} dynamische factoren op gezins- en gemeenschapsniveau: {sw} uit Samen "
            f"Weerbaar (die van Beke op dat niveau als dezelfde factor, één keer geteld) en {beke} die "
            f"alleen Beke noemt. {shared} daarvan zijn ook een gefundeerde of beschermende factor van "
            "Beke en tellen in beide rijen mee, met hetzelfde oordeel. De thema's van de BOTOC-projecten "
            "noemen alleen factoren van Beke; zo'n factor telt hier als hij op gezins- of "
            "gemeenschapsniveau ligt of dezelfde is als een factor van Samen Weerbaar."
        ),
        GROUPS[3]: (
            f"De {n[GROUPS[3]]} thema's van Preventie met Gezag; een interventie dekt een thema waarin "
            "ze is ingedeeld."
        ),
        GROUPS[4]: (
            f"De {n[GROUPS[4]]} niveaus van hulp; een interventie dekt een niveau waarop ze is ingedeeld."
        ),
    }


def _covered_text(c: Coverage) -> str:
    name = c.name + (f" (= {'; '.join(c.twins)})" if c.twins else "")
    parts = "; ".join(f"{PROVENANCE_LABELS[b]}: {names_list(items, 3)}" for b, items in c.by_basis().items())
    return f"{name} — {parts}"


def score_reasons(
    kk: Kenniskaart, municipalities: list[str], plan: Plan | None = None
) -> list[tuple[str, list[tuple[str, str]]]]:
    """Why each municipality scores what it scores: per municipality, per row of the
    comparison, '<n van m>: <what is covered, by which items, on what it rests>' (Dutch, plain
    text). Only the links ``scan`` counts; nothing else."""
    out = []
    for m in municipalities:
        items = _items_for(kk, m, plan)
        coverage = scan(kk, items)
        grounded = grounded_items(kk, items)
        loose = [item_label(i) for i in items if i not in grounded]
        first = f"{len(grounded)} van {len(items)}"
        if loose:
            first += f"; niet op een gefundeerde factor: {names_list(loose)}"
        rows = [(GROUNDED_ROW, first + ".")]
        for group in GROUPS:
            part = [c for c in coverage if c.group == group]
            covered = sorted((c for c in part if c.covered), key=lambda c: -len(c.hits))
            head = f"{len(covered)} van {len(part)}"
            if not covered:
                text = (f"{head}: geen van de {len(items)} interventies is, rechtstreeks of via haar thema, "
                        "aan een van deze gekoppeld.")
            else:
                text = f"{head}: " + " · ".join(_covered_text(c) for c in covered) + "."
            rows.append((group, text))
        out.append((municipality_label(m), rows))
    return out


def comparison_table(summary_df: pd.DataFrame) -> pd.DataFrame:
    """One row per part, one column per municipality: 'n van m'."""
    if summary_df.empty:
        return pd.DataFrame(columns=["onderdeel"])
    cells = summary_df.assign(cel=summary_df["gedekt"].astype(str) + " van " + summary_df["totaal"].astype(str))
    table = cells.pivot(index="onderdeel", columns="gemeente", values="cel")
    order = [GROUNDED_ROW, *GROUPS]
    columns = list(dict.fromkeys(summary_df["gemeente"]))
    return table.reindex(order)[columns].reset_index()


REPRESSIVE_THEMES = frozenset({"ps-opsporing-vervolging", "ps-bovenlokale-netwerken"})
"""Praktijkscan themes counted as repressive in the balance (team classification)."""


def balance(kk: Kenniskaart, items: list[PlanItem]) -> pd.DataFrame:
    """Preventive vs repressive items, and items per level of help (incl. unknown)."""
    rows = []
    repressive = [i for i in items if set(i.praktijkscan_themes) & REPRESSIVE_THEMES]
    rows.append({"verdeling": "preventief / repressief", "deel": "repressief", "aantal": len(repressive)})
    rows.append({"verdeling": "preventief / repressief", "deel": "preventief", "aantal": len(items) - len(repressive)})
    for h in sorted(kk.help_levels, key=lambda h: h.order):
        rows.append({"verdeling": "niveau van hulp", "deel": h.name, "aantal": sum(h.id in i.help_levels for i in items)})
    rows.append({"verdeling": "niveau van hulp", "deel": "onbekend", "aantal": sum(not i.help_levels for i in items)})
    return pd.DataFrame(rows, columns=["verdeling", "deel", "aantal"])


PROCESS_LESSONS = (
    "verbeter-kb-realistische-doelen",
    "aanb-ccv-nulmeting",
    "verbeter-kb-doelgroep-in-beeld",
    "verbeter-kb-monitoring-evaluatie",
)
"""Guidance on the process that applies to every plan: realistic goals, a 0-meting,
knowing the target group, monitoring (seed 000 improvement points; seed 001)."""


def process_lessons(kk: Kenniskaart) -> list[Guidance]:
    guidance = kk.by_id("guidance")
    return [guidance[g] for g in PROCESS_LESSONS if g in guidance]
