"""axe-core in the browser tests: serious or critical accessibility violations of a page
(axe is installed into .axe/ by the README's test command)."""

from __future__ import annotations

from support.paths import ROOT

AXE = ROOT / ".axe" / "node_modules" / "axe-core" / "axe.min.js"

# Violations that come from Streamlit's own markup, not the project's (checked by rule and
# target). Currently none of them is serious or critical; keep this list short and sourced.
STREAMLIT_OWNED: set[tuple[str, str]] = set()

AXE_RUN = """async () => (await axe.run(document, {resultTypes: ['violations']})).violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' '))}))"""


def axe_source() -> str:
    assert AXE.exists(), "axe-core is missing: the README's test command installs it into .axe/"
    return AXE.read_text(encoding="utf-8")


def violations(page, source: str | None = None) -> list[dict]:
    """axe-core's violations on the page as it is now (``source``: axe's script, read once by
    the caller; read here when None)."""
    page.evaluate(axe_source() if source is None else source)
    return page.evaluate(AXE_RUN)


def serious(found: list[dict]) -> list[dict]:
    """The serious and critical violations that are not Streamlit's own."""
    return [
        v for v in found
        if v["impact"] in ("serious", "critical")
        and not all((v["id"], t) in STREAMLIT_OWNED for t in v["targets"])
    ]
