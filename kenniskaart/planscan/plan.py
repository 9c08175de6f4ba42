"""A municipality's plan: its items (catalogue interventions, practice examples, own entries), the
plan file, and where each item's factor links come from (provenance)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from ..content import Kenniskaart
from ..envelope import Envelope
from ..known_ids import keep_known
from ..models import Intervention, PracticeExample
from ..vocabulary import OWN, PROVENANCE_ORDER


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


PLAN_FILE = Envelope(
    format=PLAN_FORMAT, version=PLAN_VERSION, max_bytes=MAX_PLAN_BYTES, error=PlanFileError,
    size_name="een plan", not_this="Dit is geen planbestand van de kenniskaart", no_format="(formaat ontbreekt).",
    version_of="het planbestand", invalid="Het planbestand is ongeldig",
)


def plan_to_json(plan: Plan) -> bytes:
    return PLAN_FILE.write(plan.model_dump(mode="json"))


def plan_from_json(kk: Kenniskaart, raw: bytes) -> tuple[Plan, list[str]]:
    """Read a plan file. Unknown ids are dropped with notices; a bad file raises PlanFileError."""
    return clean_plan(kk, PLAN_FILE.parse(Plan, raw))


def clean_plan(kk: Kenniskaart, plan: Plan) -> tuple[Plan, list[str]]:
    """Drop ids that do not exist in the content, with a notice per kind."""
    notices: list[str] = []

    def keep(ids, pool, label):
        return tuple(keep_known(ids, pool, label, notices))

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
