"""AppTest: every page opens through the entry point and shows its Dutch content."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from conftest import FIXTURES, ROOT

APP = str(ROOT / "app.py")


def open_page(path: str | None = None, params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if path:
        at.switch_page(path)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [t.value for t in at.title] + [h.value for h in at.header]
    parts += [s.value for s in at.subheader] + [c.value for c in at.caption] + [i.value for i in at.info]
    parts += [w.value for w in at.warning] + [m.label for m in at.metric]
    return "\n".join(str(p) for p in parts)


PAGES = [
    ("pages/start.py", "Kenniskaart Preventie met Gezag", "Waar wilt u beginnen?"),
    ("pages/factoren.py", "Factoren", "factoren."),
    ("pages/interventies.py", "Interventies", "Interventiematrix"),
    ("pages/aanbeveler.py", "Aanbeveler", "Kies minstens één risicofactor"),
    ("pages/praktijkvoorbeelden.py", "Praktijkvoorbeelden", "praktijkvoorbeelden."),
    ("pages/lessen.py", "Lessen", "Les 1"),
    ("pages/planscan.py", "Planscan", "Uw plan is nog leeg"),
    ("pages/shortlist.py", "Shortlist", "Uw shortlist is leeg"),
    ("pages/over.py", "Over de kenniskaart: bronnen en methode", "Bronnen"),
]


@pytest.mark.parametrize("path,title,phrase", PAGES, ids=[p[0] for p in PAGES])
def test_every_page_opens_with_dutch_content(path, title, phrase):
    at = open_page(path)
    assert at.title[0].value == title
    assert phrase in texts(at)


def test_start_page_shows_real_counts(kk):
    at = open_page()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Risicofactoren"] == str(len(kk.risk_factors))
    assert metrics["Interventies en aanpakken"] == str(len(kk.interventions))


def test_invalid_content_shows_readable_errors(monkeypatch):
    monkeypatch.setenv("KENNISKAART_CONTENT", str(FIXTURES / "bad" / "many_errors"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert "De inhoud van de kenniskaart is ongeldig" in at.error[0].value
    frame = at.dataframe[0].value
    assert set(frame["item"]) == {"iv-een", "b-iv-een"}
    assert set(frame["veld"]) == {"sources.0.source", "kleur"}
