"""Loading the content folder (``content/*.yaml``).

One loader: ``load_content(path=None)`` reads every YAML file under the content folder (strict
YAML: duplicate keys refused), validates each item against its strict model (pydantic errors in
Dutch), runs the validator's ``on_load`` checks (ids and cross-references) and returns a
``Kenniskaart``. All problems are collected and raised together as ``ContentInvalid``; each
``ContentIssue`` names the file, the item id and the field.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..models import COLLECTIONS
from .checks import run_checks
from .issues import ContentInvalid, ContentIssue
from .kenniskaart import Kenniskaart

PROJECT_DIR = Path(__file__).resolve().parents[2]
DEFAULT_CONTENT_DIR = PROJECT_DIR / "content"
CONTENT_DIR = DEFAULT_CONTENT_DIR
"""The shipped content folder (tests read files from it directly)."""


def content_dir() -> Path:
    """The content folder: $KENNISKAART_CONTENT if set, else ``content/`` of the project."""
    return Path(os.environ.get("KENNISKAART_CONTENT") or DEFAULT_CONTENT_DIR)


SHARED_DIR = Path(os.environ.get("KENNISKAART_SHARED", PROJECT_DIR.parent / "shared"))
SEEDS_DIR = SHARED_DIR / "seeds"


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


def user_message(err: Mapping[str, Any]) -> str:
    """A pydantic error in Dutch only, for messages users read (files they upload); the English
    original is left out."""
    return _USER_MESSAGES.get(err["type"], "heeft een ongeldige waarde")


def _message(err: Mapping[str, Any]) -> str:
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
    except ValueError as exc:  # PyYAML builds a date such as 2026-13-01 and fails on it
        issues.append(ContentIssue(rel, "-", "-",
                                   f"geen geldige waarde (bijvoorbeeld een datum die niet bestaat): {exc}"))
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

    kk = Kenniskaart(
        **{name: tuple(item for _, item in items) for name, items in loaded.items()},
        files=tuple(f.relative_to(root).as_posix() for f in files),
        origins={(name, item.id): rel for name, items in loaded.items() for rel, item in items},
    )
    issues += run_checks(kk, on_load=True)[0]
    if issues:
        raise ContentInvalid(issues)
    return kk
