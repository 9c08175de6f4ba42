"""Loading and validating the content package (``content/*.yaml``).

One loader: ``load_content(path=None)`` reads every YAML file under the content folder,
validates each item against its strict model, checks ids and cross-references, and returns a
``Kenniskaart``. All problems are collected and raised together as ``ContentInvalid``;
each ``ContentIssue`` names the file, the item id and the field.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .models import (
    COLLECTIONS,
    PLAN_SECTION_IDS,
    AnalysisSource,
    Case,
    Factor,
    Guidance,
    HelpLevel,
    Indicator,
    Intervention,
    Lesson,
    MonitorIndicator,
    PlanSection,
    PracticeExample,
    Source,
    SourceRef,
    Spoor,
    Synonym,
    Theme,
)

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_CONTENT_DIR = PROJECT_DIR / "content"
CONTENT_DIR = DEFAULT_CONTENT_DIR
"""The shipped content folder (tests read files from it directly)."""


def content_dir() -> Path:
    """The content folder: $KENNISKAART_CONTENT if set, else ``content/`` of the project."""
    return Path(os.environ.get("KENNISKAART_CONTENT") or DEFAULT_CONTENT_DIR)


SHARED_DIR = Path(os.environ.get("KENNISKAART_SHARED", PROJECT_DIR.parent / "shared"))
SEEDS_DIR = SHARED_DIR / "seeds"


# --- errors ------------------------------------------------------------------------


@dataclass(frozen=True)
class ContentIssue:
    """One validation problem: where it is and what is wrong."""

    file: str
    item: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: item '{self.item}', veld '{self.field}': {self.message}"


class ContentInvalid(Exception):
    """Raised by ``load_content`` with every problem found."""

    def __init__(self, issues: list[ContentIssue]):
        self.issues = issues
        lines = "\n".join(f"- {i}" for i in issues)
        super().__init__(f"{len(issues)} fout(en) in de inhoud:\n{lines}")


# --- YAML with duplicate-key rejection ------------------------------------------------


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int, item: str):
        self.key, self.line, self.item = key, line, item
        super().__init__(f"dubbele sleutel '{key}' op regel {line}")


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loader (libyaml when available: ~10x faster) that refuses duplicate keys."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False):
    loader.flatten_mapping(node)
    seen: set[Any] = set()
    item = next(
        (
            v.value
            for k, v in node.value
            if isinstance(k, yaml.ScalarNode) and k.value == "id" and isinstance(v, yaml.ScalarNode)
        ),
        "-",
    )
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise _DuplicateKey(str(key), key_node.start_mark.line + 1, item)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


# --- the loaded content --------------------------------------------------------------


@dataclass(frozen=True)
class Kenniskaart:
    """All validated content. Collections are tuples in file order."""

    sources: tuple[Source, ...] = ()
    themes: tuple[Theme, ...] = ()
    help_levels: tuple[HelpLevel, ...] = ()
    factors: tuple[Factor, ...] = ()
    interventions: tuple[Intervention, ...] = ()
    examples: tuple[PracticeExample, ...] = ()
    lessons: tuple[Lesson, ...] = ()
    guidance: tuple[Guidance, ...] = ()
    cases: tuple[Case, ...] = ()
    synonyms: tuple[Synonym, ...] = ()
    """Search aid: groups of everyday words (content/search/synonyms.yaml)."""
    indicators: tuple[Indicator, ...] = ()
    """Samen Weerbaar's scan indicators (content/indicators/)."""
    monitor_indicators: tuple[MonitorIndicator, ...] = ()
    """The CCV's monitors and Samen Weerbaar's aanbeveling 5 (content/indicators/monitor.yaml)."""
    plan_sections: tuple[PlanSection, ...] = ()
    analysis_sources: tuple[AnalysisSource, ...] = ()
    sporen: tuple[Spoor, ...] = ()
    """The plan van aanpak's sections, analysis sources and sporen (content/plan/)."""
    files: tuple[str, ...] = field(default=(), compare=False)

    @cached_property
    def _index(self) -> dict[str, dict[str, Any]]:
        return {name: {item.id: item for item in getattr(self, name)} for name in COLLECTIONS}

    def by_id(self, collection: str) -> dict[str, Any]:
        """Items of a collection keyed by id."""
        return self._index[collection]

    @cached_property
    def risk_factors(self) -> tuple[Factor, ...]:
        return tuple(f for f in self.factors if f.kind == "risico")

    @cached_property
    def protective_factors(self) -> tuple[Factor, ...]:
        return tuple(f for f in self.factors if f.kind == "beschermend")

    @cached_property
    def pmg_themes(self) -> tuple[Theme, ...]:
        return tuple(sorted((t for t in self.themes if t.kind == "pmg"), key=lambda t: t.order))

    @cached_property
    def praktijkscan_themes(self) -> tuple[Theme, ...]:
        return tuple(
            sorted((t for t in self.themes if t.kind == "praktijkscan"), key=lambda t: t.order)
        )

    def counts(self) -> dict[str, int]:
        """Number of items per collection (plus risk/protective split)."""
        out = {name: len(getattr(self, name)) for name in COLLECTIONS}
        out["risk_factors"] = len(self.risk_factors)
        out["protective_factors"] = len(self.protective_factors)
        return out

    @cached_property
    def factor_positions(self) -> dict[str, int]:
        """Position of every factor in file order (the order pickers and lists follow)."""
        return {f.id: i for i, f in enumerate(self.factors)}

    @cached_property
    def _twin_classes(self) -> dict[str, frozenset[str]]:
        """Every factor's twin class: the transitive closure of ``twins`` (the loader makes sure
        a class is complete, so the closure and the listed twins agree)."""
        by_id = self.by_id("factors")
        classes: dict[str, frozenset[str]] = {}
        for f in self.factors:
            if f.id in classes:
                continue
            members, todo = {f.id}, [f.id]
            while todo:
                for t in by_id[todo.pop()].twins:
                    if t in by_id and t not in members:
                        members.add(t)
                        todo.append(t)
            cls = frozenset(members)
            for m in members:
                classes[m] = cls
        return classes

    def twin_ids(self, factor_id: str) -> frozenset[str]:
        """The factor's twin class: the factor and every factor in another framework that names
        the same thing. The one twin relation every page uses."""
        return self._twin_classes.get(factor_id, frozenset({factor_id}))

    def mirror_ids(self, factor_id: str) -> frozenset[str]:
        """The factors that mirror this one or one of its twins (risk <-> protective opposite),
        with their twins; empty when it has no mirror."""
        by_id = self.by_id("factors")
        out: set[str] = set()
        for t in self.twin_ids(factor_id):
            f = by_id.get(t)
            for m in (f.mirrors if f is not None else ()):
                out |= self.twin_ids(m)
        return frozenset(out)

    def _by_factor(self, items: tuple[Any, ...]) -> dict[str, tuple[Any, ...]]:
        """Items keyed by every factor they link to, directly or through a twin."""
        acc: dict[str, list[Any]] = defaultdict(list)
        for item in items:
            # one entry per factor even when several links reach it (directly or via a twin);
            # a set of factor ids, not `item in list` (comparing models is slow for 10,000 items)
            for fid in {t for link in item.factors for t in self.twin_ids(link.factor)}:
                acc[fid].append(item)
        return {k: tuple(v) for k, v in acc.items()}

    @cached_property
    def _interventions_by_factor(self) -> dict[str, tuple[Intervention, ...]]:
        return self._by_factor(self.interventions)

    def interventions_for_factor(self, factor_id: str) -> tuple[Intervention, ...]:
        """Interventions that address a factor or its twin (any provenance)."""
        return self._interventions_by_factor.get(factor_id, ())

    def example_factor_ids(self, ex: PracticeExample) -> frozenset[str]:
        """Factors a practice example addresses: its own links and those of the catalogue
        interventions it uses, each with its twin class (the one rule for examples)."""
        ivs = self.by_id("interventions")
        links = [*ex.factors, *(link for iid in ex.interventions if iid in ivs for link in ivs[iid].factors)]
        return frozenset(t for link in links for t in self.twin_ids(link.factor))

    @cached_property
    def _examples_by_factor(self) -> dict[str, tuple[PracticeExample, ...]]:
        acc: dict[str, list[PracticeExample]] = defaultdict(list)
        for ex in self.examples:
            for fid in self.example_factor_ids(ex):
                acc[fid].append(ex)
        return {k: tuple(v) for k, v in acc.items()}

    def examples_for_factor(self, factor_id: str) -> tuple[PracticeExample, ...]:
        """Practice examples that address a factor (``example_factor_ids``), in file order."""
        return self._examples_by_factor.get(factor_id, ())

    def examples_for_intervention(self, intervention_id: str) -> tuple[PracticeExample, ...]:
        return tuple(ex for ex in self.examples if intervention_id in ex.interventions)


# --- loading -----------------------------------------------------------------------


def _yaml_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.yaml") if p.is_file())


_MESSAGES = {
    "extra_forbidden": "onbekend veld (niet toegestaan in het model)",
    "missing": "verplicht veld ontbreekt",
    "int_parsing": "moet een geheel getal zijn",
    "int_type": "moet een geheel getal zijn",
    "string_type": "moet tekst zijn",
    "list_type": "moet een lijst zijn",
    "bool_parsing": "moet ja/nee (true/false) zijn",
    "date_from_datetime_parsing": "moet een datum (JJJJ-MM-DD) zijn",
    "string_pattern_mismatch": "ongeldig id: alleen kleine letters, cijfers en koppeltekens",
    "too_short": "mag niet leeg zijn",
    "string_too_short": "mag niet leeg zijn",
}


_USER_MESSAGES: dict[str, str] = {
    **_MESSAGES,
    "int_parsing": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "string_too_long": "is te lang",
    "too_long": "is te lang",
    "missing": "ontbreekt",
    "extra_forbidden": "is een onbekend veld",
    "literal_error": "heeft een ongeldige waarde",
    "greater_than_equal": "is te klein",
    "less_than_equal": "is te groot",
    "tuple_type": "moet een lijst zijn",
    "bool_type": "moet ja/nee (true/false) zijn",
    "dict_type": "moet een object zijn",
    "model_type": "moet een object zijn",
}


def user_message(err: dict[str, Any]) -> str:
    """A pydantic error in Dutch only, for messages users read (files they upload); the English
    original is left out."""
    return _USER_MESSAGES.get(err["type"], "heeft een ongeldige waarde")


def _message(err: dict[str, Any]) -> str:
    """Dutch message for a pydantic error, with the original as detail."""
    if err["type"] == "literal_error":
        return f"ongeldige waarde {err.get('input')!r}; {err['msg']}"
    if err["type"] == "value_error":
        return str(err["msg"]).removeprefix("Value error, ")
    dutch = _MESSAGES.get(err["type"])
    return f"{dutch} ({err['msg']})" if dutch else err["msg"]


def _field_name(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc) or "(item)"


def _item_label(raw: Any, index: int) -> str:
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        return raw["id"]
    return f"#{index + 1}"


def _parse_file(
    path: Path, rel: str, issues: list[ContentIssue]
) -> Iterator[tuple[str, str, Any]]:
    """Yield (collection, item label, validated model) for the items of one file."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)
    except _DuplicateKey as exc:
        issues.append(ContentIssue(rel, exc.item, exc.key, str(exc)))
        return
    except yaml.YAMLError as exc:
        issues.append(ContentIssue(rel, "-", "-", f"geen geldige YAML: {exc}"))
        return
    except UnicodeDecodeError:
        issues.append(ContentIssue(rel, "-", "-", "bestand is geen UTF-8-tekst"))
        return
    if data is None:
        return
    if not isinstance(data, dict):
        issues.append(ContentIssue(rel, "-", "-", "het bestand moet een mapping van collecties zijn"))
        return
    for collection, items in data.items():
        model = COLLECTIONS.get(collection)
        if model is None:
            known = ", ".join(COLLECTIONS)
            issues.append(
                ContentIssue(rel, "-", str(collection), f"onbekende collectie (bekend: {known})")
            )
            continue
        if not isinstance(items, list):
            issues.append(ContentIssue(rel, "-", collection, "verwacht een lijst van items"))
            continue
        for index, raw in enumerate(items):
            label = _item_label(raw, index)
            try:
                yield collection, label, model.model_validate(raw)
            except ValidationError as exc:
                for err in exc.errors():
                    loc = err["loc"]
                    if not loc and "age" in err["msg"]:
                        loc = ("min_age",)
                    issues.append(ContentIssue(rel, label, _field_name(loc), _message(err)))


def _source_refs(obj: Any, path: str) -> Iterator[tuple[str, SourceRef]]:
    """All SourceRef objects inside a model, with their field path."""
    if isinstance(obj, SourceRef):
        yield path, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _source_refs(getattr(obj, name), f"{path}.{name}" if path else name)
    elif isinstance(obj, (list, tuple)):
        for i, value in enumerate(obj):
            yield from _source_refs(value, f"{path}.{i}")


def _cautions(item: Any) -> Iterator[tuple[str, Any]]:
    """The cautions of an intervention, example or lesson (its tips), with their field path."""
    for i, c in enumerate(getattr(item, "cautions", ())):
        yield f"cautions.{i}", c
    for t, tip in enumerate(getattr(item, "tips", ())):
        for i, c in enumerate(tip.cautions):
            yield f"tips.{t}.cautions.{i}", c


def _recognitions(iv: Intervention) -> Iterator[tuple[str, Any]]:
    if iv.recognition is not None:
        yield "recognition", iv.recognition
    for i, rec in enumerate(iv.other_recognitions):
        yield f"other_recognitions.{i}", rec


def _check_references(
    loaded: dict[str, list[tuple[str, Any]]], issues: list[ContentIssue]
) -> None:
    ids = {name: {item.id for _, item in items} for name, items in loaded.items()}
    themes = {item.id: item for _, item in loaded["themes"]}
    factors = {item.id: item for _, item in loaded["factors"]}
    guidance = {item.id: item for _, item in loaded["guidance"]}

    def expect(rel: str, item: Any, fld: str, ref: str, pool: str, kind: str | None = None):
        if ref not in ids[pool]:
            issues.append(ContentIssue(rel, item.id, fld, f"verwijst naar onbekend id '{ref}' ({pool})"))
            return
        if kind is not None:
            target = themes.get(ref) if pool == "themes" else factors.get(ref)
            actual = getattr(target, "kind", None)
            if actual != kind:
                issues.append(
                    ContentIssue(rel, item.id, fld, f"'{ref}' is van soort '{actual}', verwacht '{kind}'")
                )

    for name, items in loaded.items():
        for rel, item in items:
            for fld, ref in _source_refs(item, ""):
                expect(rel, item, f"{fld}.source", ref.source, "sources")
            if isinstance(item, Factor):
                for i, t in enumerate(item.pmg_themes):
                    expect(rel, item, f"pmg_themes.{i}", t, "themes", "pmg")
                for i, t in enumerate(item.twins):
                    expect(rel, item, f"twins.{i}", t, "factors", item.kind)
                    twin = factors.get(t)
                    if t == item.id:
                        issues.append(ContentIssue(rel, item.id, f"twins.{i}", "een factor kan niet zijn eigen tweeling zijn"))
                    elif twin is not None and item.id not in twin.twins:
                        issues.append(ContentIssue(
                            rel, item.id, f"twins.{i}", f"'{t}' noemt '{item.id}' niet terug als tweeling"
                        ))
                for i, m in enumerate(item.mirrors):
                    expect(rel, item, f"mirrors.{i}", m, "factors", "beschermend" if item.kind == "risico" else "risico")
                    mirror = factors.get(m)
                    if mirror is not None and item.id not in mirror.mirrors:
                        issues.append(ContentIssue(
                            rel, item.id, f"mirrors.{i}", f"'{m}' noemt '{item.id}' niet terug als spiegelfactor"
                        ))
            for fld, caution in _cautions(item):
                if caution.guidance is not None:
                    expect(rel, item, f"{fld}.guidance", caution.guidance, "guidance")
            if isinstance(item, Intervention):
                for r, rec in _recognitions(item):
                    for i, f in enumerate(rec.outcome_factors):
                        expect(rel, item, f"{r}.outcome_factors.{i}", f, "factors")
            if isinstance(item, Theme):
                for i, f in enumerate(item.risk_factors):
                    expect(rel, item, f"risk_factors.{i}", f, "factors", "risico")
                for i, f in enumerate(item.protective_factors):
                    expect(rel, item, f"protective_factors.{i}", f, "factors", "beschermend")
            if isinstance(item, (Intervention, PracticeExample)):
                for i, h in enumerate(item.help_levels):
                    expect(rel, item, f"help_levels.{i}", h, "help_levels")
                for i, t in enumerate(item.pmg_themes):
                    expect(rel, item, f"pmg_themes.{i}", t, "themes", "pmg")
                for i, t in enumerate(item.praktijkscan_themes):
                    expect(rel, item, f"praktijkscan_themes.{i}", t, "themes", "praktijkscan")
                for i, link in enumerate(item.factors):
                    expect(rel, item, f"factors.{i}.factor", link.factor, "factors")
            if isinstance(item, Case):
                for i, f in enumerate(item.risk_factors):
                    expect(rel, item, f"risk_factors.{i}", f, "factors", "risico")
                for i, f in enumerate(item.protective_factors):
                    expect(rel, item, f"protective_factors.{i}", f, "factors", "beschermend")
                if item.need is not None:
                    expect(rel, item, "need", item.need, "help_levels")
            if isinstance(item, Indicator):
                for i, f in enumerate(item.risk_factors):
                    expect(rel, item, f"risk_factors.{i}", f, "factors", "risico")
                for i, f in enumerate(item.protective_factors):
                    expect(rel, item, f"protective_factors.{i}", f, "factors", "beschermend")
                expect(rel, item, "guidance", item.guidance, "guidance")
                listed = guidance.get(item.guidance)
                if listed is not None and item.number > len(listed.items):
                    issues.append(ContentIssue(rel, item.id, "number", f"'{item.guidance}' heeft geen item {item.number}"))
            if isinstance(item, (Indicator, MonitorIndicator)):
                for i, w in enumerate(item.where):
                    if w.url is not None and not w.url.startswith("https://"):
                        issues.append(ContentIssue(rel, item.id, f"where.{i}.url", "een adres begint met https://"))
            if isinstance(item, MonitorIndicator):
                for i, f in enumerate(item.factors):
                    expect(rel, item, f"factors.{i}", f, "factors")
                for i, t in enumerate(item.pmg_themes):
                    expect(rel, item, f"pmg_themes.{i}", t, "themes", "pmg")
                for i, iv in enumerate(item.interventions):
                    expect(rel, item, f"interventions.{i}", iv, "interventions")
                if not (item.factors or item.pmg_themes or item.interventions or item.every_item):
                    issues.append(ContentIssue(rel, item.id, "factors", "de indicator hoort bij geen factor, thema "
                                               "of planonderdeel: de monitor stelt hem nooit voor"))
            if isinstance(item, PracticeExample):
                for i, iv in enumerate(item.interventions):
                    expect(rel, item, f"interventions.{i}", iv, "interventions")
            if isinstance(item, Spoor):
                for i, t in enumerate(item.pmg_themes):
                    expect(rel, item, f"pmg_themes.{i}", t, "themes", "pmg")
                for i, f in enumerate(item.factors):
                    expect(rel, item, f"factors.{i}", f, "factors")
            if isinstance(item, PlanSection) and item.id not in PLAN_SECTION_IDS:
                issues.append(ContentIssue(rel, item.id, "id", "onbekend onderdeel van het plan van aanpak; "
                                           f"kies uit {', '.join(PLAN_SECTION_IDS)}"))
    sections = {item.id for _, item in loaded["plan_sections"]}
    missing = [s for s in PLAN_SECTION_IDS if s not in sections]
    if sections and missing:
        rel = loaded["plan_sections"][0][0]
        issues.append(ContentIssue(rel, "-", "plan_sections", "onderdelen van het plan van aanpak ontbreken: "
                                   + ", ".join(missing)))


def _check_twin_classes(loaded: dict[str, list[tuple[str, Any]]], issues: list[ContentIssue]) -> None:
    """A twin class is one factor named in several frameworks: every member names every other.
    A chain (A twin of B, B twin of C, A not of C) joins factors that are not the same: make the
    weaker pair 'related' (verwant) instead. Related factors are never twins of each other."""
    factors = {item.id: (rel, item) for rel, item in loaded["factors"]}
    for rel, item in loaded["factors"]:
        for t in item.twins:
            if t not in factors:
                continue
            for tt in factors[t][1].twins:
                if tt != item.id and tt not in item.twins:
                    issues.append(ContentIssue(
                        rel, item.id, "twins",
                        f"tweelingketen: '{t}' is een tweeling van '{tt}', maar '{item.id}' niet; "
                        f"maak ze allemaal tweeling of gebruik 'related' (verwant)",
                    ))
        for i, r in enumerate(item.related):
            other = factors.get(r)
            if other is None:
                issues.append(ContentIssue(rel, item.id, f"related.{i}", f"verwijst naar onbekend id '{r}' (factors)"))
            elif r in item.twins or r == item.id:
                issues.append(ContentIssue(rel, item.id, f"related.{i}", f"'{r}' is al een tweeling (of de factor zelf)"))
            elif item.id not in other[1].related:
                issues.append(ContentIssue(rel, item.id, f"related.{i}", f"'{r}' noemt '{item.id}' niet terug als verwant"))


def load_content(path: str | os.PathLike[str] | None = None) -> Kenniskaart:
    """Read, validate and cross-check every YAML file under ``path`` (default: content/).

    Raises ``ContentInvalid`` listing every problem found.
    """
    root = Path(path) if path is not None else content_dir()
    issues: list[ContentIssue] = []
    if not root.is_dir():
        raise ContentInvalid([ContentIssue(str(root), "-", "-", "inhoudsmap bestaat niet")])
    files = _yaml_files(root)
    if not files:
        raise ContentInvalid([ContentIssue(str(root), "-", "-", "geen YAML-bestanden gevonden")])

    loaded: dict[str, list[tuple[str, Any]]] = {name: [] for name in COLLECTIONS}
    first_seen: dict[tuple[str, str], str] = {}
    for file in files:
        rel = file.relative_to(root).as_posix()
        for collection, label, item in _parse_file(file, rel, issues):
            key = (collection, item.id)
            if key in first_seen:
                issues.append(
                    ContentIssue(rel, label, "id", f"dubbel id in '{collection}' (ook in {first_seen[key]})")
                )
                continue
            first_seen[key] = rel
            loaded[collection].append((rel, item))

    _check_references(loaded, issues)
    _check_twin_classes(loaded, issues)
    if issues:
        raise ContentInvalid(issues)
    return Kenniskaart(
        **{name: tuple(item for _, item in items) for name, items in loaded.items()},
        files=tuple(f.relative_to(root).as_posix() for f in files),
    )
