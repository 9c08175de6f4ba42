"""AppTest: every page opens through the entry point and shows its Dutch content."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from support.apptest import open_page, page_text
from support.paths import FIXTURES, ROOT

APP = str(ROOT / "app.py")


PAGES = [
    ("pages/start.py", "Kenniskaart Preventie met Gezag", "Waar wilt u beginnen?"),
    ("pages/factoren.py", "Factoren", "factoren."),
    ("pages/interventies.py", "Interventies", "Interventie in detail"),
    ("pages/aanbeveler.py", "Aanbeveler", "Kies minstens één risicofactor"),
    ("pages/praktijkvoorbeelden.py", "Praktijkvoorbeelden", "praktijkvoorbeelden."),
    ("pages/lessen.py", "Lessen", "Les 1"),
    ("pages/planscan.py", "Planscan", "Uw plan is nog leeg"),
    ("pages/shortlist.py", "Shortlist", "Uw shortlist is leeg"),
    ("pages/over.py", "Over de kenniskaart: bronnen en methode", "Bronnen"),
    ("pages/werksessie.py", "Werksessie", "Bouw in een workshop samen het risicoprofiel"),
    ("pages/monitor.py", "Nulmeting en monitor", "Nog geen factoren en geen plan"),
]


@pytest.mark.parametrize(("path", "title", "phrase"), PAGES, ids=[p[0] for p in PAGES])
def test_every_page_opens_with_dutch_content(path, title, phrase):
    at = open_page(path)
    assert at.title[0].value == title
    assert phrase in page_text(at)


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


def test_praktijkvoorbeelden_charts_carry_the_counts(kk):
    """The charts are sent as cached Vega-Lite specs: with the page's data, without Altair's
    fixed 300 px view size."""
    import json

    import pyarrow as pa

    from kenniskaart.catalog import examples_per_municipality, examples_per_theme

    at = open_page("pages/praktijkvoorbeelden.py")
    sent = [c.proto for c in at.get("vega_lite_chart")]
    assert len(sent) == 2
    frames = [pa.ipc.open_stream(c.datasets[0].data.data).read_all().to_pandas() for c in sent]
    expected = [examples_per_theme(kk, kk.examples), examples_per_municipality(kk.examples)]
    for frame, want in zip(frames, expected, strict=True):
        assert frame.to_dict("records") == want.to_dict("records")
    for c in sent:
        assert "continuousWidth" not in json.dumps(json.loads(c.spec).get("config", {}))


def test_no_page_relies_on_streamlit_magic():
    """.streamlit/config.toml turns magic off (runner.magicEnabled): a bare expression in a
    page would silently show nothing."""
    import ast
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["runner"]["magicEnabled"] is False
    bare = []
    for path in [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text())):
            if (isinstance(node, ast.Expr) and not isinstance(node.value, (ast.Call, ast.Await))
                    and not (isinstance(node.value, ast.Constant) and isinstance(node.value.value, str))):
                bare.append(f"{path.name}:{node.lineno}")
    assert bare == []


def test_interventiematrix_is_a_selectable_chart_of_the_counts(kk):
    """Opened, the matrix expander sends the counts per theme × level of help as a chart whose
    cells can be clicked (selection 'cel')."""
    import pyarrow as pa

    from kenniskaart.catalog import intervention_matrix

    at = open_page("pages/interventies.py")
    assert at.get("vega_lite_chart") == []  # closed: nothing computed or sent
    at.session_state["i_matrix_open"] = True
    at.run()
    (sent,) = [c.proto for c in at.get("vega_lite_chart")]
    assert list(sent.selection_mode) == ["cel"]
    frame = pa.ipc.open_stream(sent.datasets[0].data.data).read_all().to_pandas()
    expected = intervention_matrix(kk, list(kk.interventions))
    assert frame["aantal"].sum() == expected["aantal"].sum() > 0


def test_over_names_sources_and_counts_in_dutch(kk):
    """Every source by title and every figure under a Dutch name (no collection keys)."""
    from kenniskaart.ui.text import md

    text = page_text(open_page("pages/over.py"))
    for s in kk.sources:
        assert f"**{md(s.title)}**" in text
    for key in ("sources", "help_levels", "interventions", "risk_factors", "synonyms"):
        assert key not in text
    assert f"- factoren: **{len(kk.factors)}**" in text
    assert f"- waarvan risicofactoren: **{len(kk.risk_factors)}**" in text
    # the three ways to read an item, each term with its explanation
    from kenniskaart.vocabulary import BASIS_EXPLAINED, EVIDENCE_EXPLAINED, NATURE_EXPLAINED

    for explained in (EVIDENCE_EXPLAINED, BASIS_EXPLAINED, NATURE_EXPLAINED):
        for text_ in explained.values():
            assert md(text_) in text


def test_factoren_filters_survive_another_page(kk):
    """Issue 16 ('nothing lost by navigating') on Factoren: chosen filters are still set after a
    visit to another page, and still filter the list."""
    at = open_page("pages/factoren.py")
    at.session_state["f_kind"] = ["beschermend"]
    at.session_state["f_level"] = ["gezin"]
    at.run()
    expected = sum(1 for f in kk.factors if f.kind == "beschermend" and f.level == "gezin")
    assert f"**{expected}** van {len(kk.factors)} factoren." in page_text(at)
    at.switch_page("pages/lessen.py").run()
    at.switch_page("pages/factoren.py").run()
    assert not at.exception
    assert at.session_state["f_kind"] == ["beschermend"] and at.session_state["f_level"] == ["gezin"]
    assert f"**{expected}** van {len(kk.factors)} factoren." in page_text(at)


def test_the_dutch_not_found_page_says_what_happened_and_where_to_go(monkeypatch):
    """An unknown address gets the app's own Dutch page (registered under that name by app.py):
    its title, its explanation and links to three real pages; no English left."""
    import kenniskaart.ui.pages as pages

    monkeypatch.setattr(pages, "unknown_path", lambda known: "bestaat-niet")
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("pages/niet_gevonden.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert [t.value for t in at.title] == ["Pagina niet gevonden"]
    text = page_text(at)
    assert "Dit adres hoort niet bij een pagina van de kenniskaart." in text
    assert "Misschien is de link verkeerd overgenomen of is de pagina hernoemd." in text
    assert "not found" not in text.lower() and "page" not in text.lower().replace("pagina", "")
    links_shown = {link.proto.label: link.proto.page for link in at.get("page_link")
                   if link.proto.label != "Werkmap bewaren of openen"}
    assert links_shown == {"Naar de startpagina": "", "Naar de interventies": "interventies",
                           "Naar de factoren": "factoren"}


HOSTILE_PAGES = ["pages/start.py", "pages/factoren.py", "pages/interventies.py", "pages/praktijkvoorbeelden.py",
                 "pages/lessen.py", "pages/planscan.py", "pages/over.py"]


@pytest.mark.parametrize("path", HOSTILE_PAGES)
def test_hostile_content_is_escaped_text_on_every_page(monkeypatch, path):
    """Content with <script>, <img onerror>, <svg onload> and javascript: links: every text the
    page renders as Markdown carries them escaped, never as HTML or a link; no element may
    render raw HTML with them. Planscan and Over show the hostile names themselves, literally."""
    import re

    from support.text import unescape_md

    monkeypatch.setenv("KENNISKAART_CONTENT", str(FIXTURES / "hostile"))
    at = open_page(path)
    rendered = [page_text(at), *(e.label for e in at.expander), *(t.label for t in at.tabs),
                *(link.proto.label for link in at.get("page_link"))]
    for text in rendered:
        assert not re.search(r"(?<!\\)<(script|img|svg)", text), text
        assert not re.search(r"(?<!\\)\]\(javascript:", text), text  # a live Markdown link
    raw_html = [m.value for m in at.markdown if m.proto.allow_html] + [h.proto.body for h in at.get("html")]
    assert not any("__xss" in h for h in raw_html)
    shown = unescape_md(page_text(at))
    if path == "pages/planscan.py":  # the open group lists the factor as a gap
        assert "Risico <script>window.__xss = 4</script> — niet gedekt" in shown.replace("**", "")
    if path == "pages/over.py":  # the sources, by title and publisher
        assert "Bron <script>window.__xss = 1</script>" in shown
        assert 'Uitgever <img src=x onerror="window.__xss = 2">' in shown


def test_every_linked_page_is_one_app_py_registered():
    """Links and page switches use app.py's page objects (ui.links.page_ref with a page of
    ui.pages), not a path that Streamlit must resolve on disk for every link: every page the
    code links to is registered, every page script is in the registry, and no module but
    ui.pages types a page's script path."""
    import re

    from kenniskaart.ui import pages

    sources = {p: p.read_text(encoding="utf-8")
               for p in [ROOT / "app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("kenniskaart/**/*.py")]}
    code = "\n".join(sources.values())
    linked = {getattr(pages, name) for name in re.findall(r"page_ref\((?:pages\.)?([A-Z_]+)\)", code)}
    assert len(linked) >= 8, linked
    assert not re.search(r'st\.(page_link|switch_page)\("pages/', code), "a link by path string"
    typed = [p.name for p, text in sources.items()
             if p != ROOT / "kenniskaart" / "ui" / "pages.py" and re.search(r"pages/[a-z_]+\.py", text)]
    assert typed == [], "a page path outside ui/pages.py"
    scripts = {f"pages/{f.name}" for f in ROOT.glob("pages/*.py")}
    assert {p.script for p in [*pages.PAGES, pages.NIET_GEVONDEN]} == scripts
    at = open_page()
    registered = at.session_state[pages._BUILT_KEY]
    assert {p.script for p in [*linked, *pages.PAGES]} <= set(registered), linked
    assert all(registered[p.script].url_path == p.url_path for p in pages.PAGES if p is not pages.START)
