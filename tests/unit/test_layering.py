"""The import structure reads top to bottom: every module's imports (parsed with ``ast``, also
the ones inside functions) point to its own layer or a lower one, never up; Streamlit is imported
only by the app, its pages and ``kenniskaart.ui``.

``LAYERS`` is the one statement of the layering (CONTRIBUTING.md describes it). A new module under
``kenniskaart/`` must be placed in it: the test names modules it cannot place.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("app", ("app", "pages")),
    ("ui", ("kenniskaart.ui",)),
    ("features", (
        # the Aanbeveler, the Planscan, the map, the werksessie and the other things a page shows or a user downloads
        "kenniskaart.aanbeveler", "kenniskaart.planscan", "kenniskaart.kaart", "kenniskaart.werksessie",
        "kenniskaart.werkmap_online", "kenniskaart.monitor", "kenniskaart.plan_van_aanpak",
        "kenniskaart.catalog", "kenniskaart.search", "kenniskaart.shortlist", "kenniskaart.exports",
        "kenniskaart.guidance", "kenniskaart.share", "kenniskaart.werkmap", "kenniskaart.charts",
        "kenniskaart.presentatie",
        "kenniskaart.factors", "kenniskaart.__main__",
    )),
    ("rules", (
        # the shared rules and the plumbing features build on
        "kenniskaart.rules", "kenniskaart.signals", "kenniskaart.envelope", "kenniskaart.known_ids",
        "kenniskaart.storage",
    )),
    ("texts", ("kenniskaart.texts",)),
    ("content", ("kenniskaart.content",)),
    ("models", ("kenniskaart.models", "kenniskaart.vocabulary", "kenniskaart.nl", "kenniskaart")),
)
"""Top to bottom. A module may import its own layer and the layers below it. Prefixes: a package's
name places every module in it; the longest matching prefix wins (``kenniskaart`` itself, the
package's ``__init__``, is the bottom)."""

ALLOWED_UPWARD: dict[tuple[str, str], str] = {}
"""(importer, imported) pairs that go up, each with the reason it cannot be moved yet. Empty."""

STREAMLIT_LAYERS = {"app", "ui"}


def layer_of(module: str) -> int | None:
    best: tuple[int, int] | None = None  # (prefix length, layer index)
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), index)
    return None if best is None else best[1]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def product_files() -> list[Path]:
    return [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "kenniskaart").rglob("*.py"))]


def _is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imports(path: Path) -> set[str]:
    """Absolute names of every module ``path`` imports; ``from package import module`` counts as
    the module."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                out.add(sub if _is_module(sub) else target)
    return out


def _ours(name: str) -> bool:
    return name in ("app", "pages") or name.split(".")[0] in ("kenniskaart", "pages")


def test_every_module_has_a_layer():
    unplaced = [module_name(p) for p in product_files() if layer_of(module_name(p)) is None]
    assert not unplaced, f"place these modules in LAYERS (tests/unit/test_layering.py): {unplaced}"


def test_no_module_imports_a_layer_above_its_own():
    upward = []
    for path in product_files():
        importer = module_name(path)
        own = layer_of(importer)
        for imported in sorted(imports(path)):
            target = layer_of(imported) if _ours(imported) else None
            if own is None or target is None or target >= own:
                continue
            if (importer, imported) not in ALLOWED_UPWARD:
                upward.append(f"{importer} ({LAYERS[own][0]}) imports {imported} ({LAYERS[target][0]})")
    assert not upward, "imports that go up a layer:\n" + "\n".join(upward)


def test_streamlit_only_in_the_app_its_pages_and_ui():
    found = [module_name(p) for p in product_files()
             if LAYERS[layer_of(module_name(p)) or 0][0] not in STREAMLIT_LAYERS
             and any(name == "streamlit" or name.startswith("streamlit.") for name in imports(p))]
    assert not found, f"Streamlit imported below kenniskaart.ui: {found}"


def test_every_allowed_exception_is_still_needed():
    for (importer, imported), reason in ALLOWED_UPWARD.items():
        assert reason, (importer, imported)
        path = next(p for p in product_files() if module_name(p) == importer)
        assert imported in imports(path), f"{importer} no longer imports {imported}: remove it from ALLOWED_UPWARD"


@pytest.mark.parametrize(("module", "layer"), [
    ("pages.aanbeveler", "app"), ("kenniskaart.ui.widgets", "ui"), ("kenniskaart.aanbeveler.scoring", "features"),
    ("kenniskaart.catalog", "features"), ("kenniskaart.rules", "rules"), ("kenniskaart.content.loader", "content"),
    ("kenniskaart.models", "models"), ("kenniskaart.models.factors", "models"), ("kenniskaart", "models"),
])
def test_the_table_places_modules_by_prefix(module, layer):
    assert LAYERS[layer_of(module)][0] == layer


def test_relative_and_package_imports_are_resolved_to_modules():
    package = imports(ROOT / "kenniskaart/catalog/__init__.py")  # 'from .rows import …'
    assert {"kenniskaart.catalog.rows", "kenniskaart.catalog.filters"} <= package
    assert "kenniskaart.catalog" in imports(ROOT / "kenniskaart/shortlist.py")  # 'from .catalog import …'
    assert "kenniskaart.storage" in imports(ROOT / "kenniskaart/werksessie/store.py")  # 'from ..storage import …'
