"""The Factoren page (AppTest): its filters, a factor's detail, the guidance notes, and the map
tab with the workshop view, the picker and the gaps."""

from __future__ import annotations

import shutil

from kenniskaart import kaart
from kenniskaart.ui.text import md
from kenniskaart.vocabulary import BASIS_LABELS, GROUP_LABELS, NATURE_LABELS
from support.apptest import open_page, page_text
from support.expected import counts, linked_ids
from support.paths import ROOT


def test_factoren_filters_static_dynamic_and_age_group(kk):
    at = open_page("pages/factoren.py", {"aard": "statisch"})
    static = [f for f in kk.factors if f.nature == "statisch"]
    assert f"**{len(static)}** van {len(kk.factors)} factoren." in [m.value for m in at.markdown]
    at = open_page("pages/factoren.py", {"leeftijdsgroep": "12-18"})
    teen = [f for f in kk.factors if "12-18" in f.age_groups]
    assert f"**{len(teen)}** van {len(kk.factors)} factoren." in [m.value for m in at.markdown]


def test_factoren_detail_shows_nature_twins_and_provenance(kk):
    f = next((f for f in kk.factors if f.twins), None) or next(
        f for f in kk.factors if kk.interventions_for_factor(f.id)
    )
    at = open_page("pages/factoren.py", {"factor": f.id})
    text = page_text(at)
    assert f"**Aard**  \n{NATURE_LABELS[f.nature]}" in text
    for twin in f.twins:
        assert "Zelfde factor als" in text and md(kk.by_id("factors")[twin].name) in text
    for iv in kk.interventions_for_factor(f.id):
        assert md(iv.name) in text
    assert any(label in text for label in BASIS_LABELS.values()) or not kk.interventions_for_factor(f.id)


def test_factoren_shows_kanttekening_guidance(tmp_path, monkeypatch):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "guidance" / "zz_test_kanttekening.yaml").write_text(
        "guidance:\n  - id: test-kanttekening\n    kind: kanttekening\n"
        "    title: Let op de literatuur over volwassenen\n"
        "    text: Veel studies gaan over volwassenen.\n"
        "    sources:\n      - {source: beke-praktijkscan-2022, section: test}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("KENNISKAART_CONTENT", str(content))
    at = open_page("pages/factoren.py")
    warnings = [w.value for w in at.warning]
    assert any(
        "Let op de literatuur over volwassenen" in w and "Veel studies gaan over volwassenen" in w for w in warnings
    )


def test_factoren_map_tab_shows_the_workshop_view_for_a_profile(kk):
    case = kk.cases[1]
    params = {"leeftijd": str(case.age), "risico": ",".join(case.risk_factors)}
    at = open_page("pages/factoren.py", params)
    at.session_state["f_tab"] = "Kenniskaart (visueel)"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(e.label.startswith("Voor een workshop") for e in at.expander)
    from kenniskaart.aanbeveler import Profile, offered, recommend

    result = recommend(kk, Profile(age=case.age, risk_factors=tuple(case.risk_factors)))
    frame = kaart.workshop_frame(kk, case.risk_factors, offered(result))
    shown = [df.value for df in at.dataframe if "welke factoren" in df.value.columns]
    assert shown and list(shown[0]["interventie"]) == list(frame["interventie"])
    # one verdict: what the Aanbeveler excludes for this age is not in the workshop view
    names = set(shown[0]["interventie"])
    assert result.excluded and not names & {e.intervention.name for e in result.excluded}


def test_factoren_map_picker_lists_exactly_the_catalogue_links(kk):
    ids = [f.id for f in kk.factors if (f.kind, f.level) == next(iter(GROUP_LABELS))]
    graph = kaart.build_graph(kk, ids, 16, 16)
    node = max(graph.shown("factor"), key=lambda n: len(linked_ids(kk, n.id)))
    at = open_page("pages/factoren.py")
    at.session_state["f_tab"] = "Kenniskaart (visueel)"
    at.run()
    at.selectbox(key="f_map_pick").select(node.id).run()
    assert not at.exception, [e.value for e in at.exception]
    expected = [md(iv.name) for iv in kk.interventions_for_factor(node.id) if counts(iv)]
    line = next(m.value for m in at.markdown if m.value.startswith("**Interventies die"))
    assert line.endswith(f"({len(expected)}):** " + "; ".join(expected))


def test_factoren_detail_names_the_recognised_options_and_the_table_counts_them(kk):
    """Issue 19: per factor, how many recognised options for one young person there are."""
    from kenniskaart.catalog import factors_table
    from kenniskaart.rules import recognised_options

    drugs = kk.by_id("factors")["beke-r-drugsgebruik"]
    options = recognised_options(kk, drugs.id)
    assert len(options) >= 3
    text = page_text(open_page("pages/factoren.py", {"factor": drugs.id}))
    n = len(options)
    assert f"**{n} erkende opties voor een jongere**" in text
    assert all(md(iv.name) in text for iv in options)
    table = factors_table(kk, [drugs, kk.by_id("factors")["beke-r-man-zijn"]])
    assert list(table["erkende opties"]) == [n, 0]
    # a factor without a recognised option says so and points onward
    gap = kk.by_id("factors")["beke-r-familiebanden-georganiseerde-criminaliteit"]
    assert recognised_options(kk, gap.id) == ()
    at = open_page("pages/factoren.py", {"factor": gap.id})
    assert "Geen erkende interventie voor een jongere pakt deze factor aan" in page_text(at)
    # not a dead end: a link to the lesson that explains the gaps (issue 20)
    from kenniskaart.guidance import GROUPS

    links = [(p.proto.page, p.proto.query_string) for p in at.get("page_link")]
    assert any(page == "lessen" and GROUPS[2].title.split()[0] in query for page, query in links), links


def test_factoren_map_draws_every_filtered_factor_and_names_the_gaps(kk):
    """Issue 20: 'Factoren with 12-18 + risicofactor + individu lists 9 factors; the map draws 2'."""
    from kenniskaart.catalog import FactorFilter, filter_factors

    at = open_page("pages/factoren.py", {"leeftijdsgroep": "12-18", "soort": "risico", "niveau_f": "individu"})
    at.session_state["f_tab"] = "Kenniskaart (visueel)"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    listed = filter_factors(kk, FactorFilter(kinds=["risico"], levels=["individu"], age_groups=["12-18"]))
    assert len(listed) > 2
    graph = kaart.build_graph(kk, [f.id for f in listed], 16, 16)
    assert {n.id for n in graph.shown("factor")} | set(graph.hidden_factors) == {f.id for f in listed}
    text = page_text(at)
    assert graph.gaps, "this filter has a factor without an intervention (e.g. disillusion about the future)"
    assert "Gat:" in text and all(md(kk.by_id("factors")[g].name) in text for g in graph.gaps)
