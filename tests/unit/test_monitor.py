"""Nulmeting en monitor (pure, issue 29): a plan with four factors and five items gets suggested
indicators for each; a baseline and two measurements per indicator give the chart's data and the
bijsturen list (expectations computed by hand below); the plan van aanpak's Word file carries the
monitoring section with the same figures; bad input gives a Dutch message; the werkmap carries
the monitor, opens old werkmaps and refuses a broken monitor part whole."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from docx import Document

from kenniskaart.aanbeveler import Profile
from kenniskaart.charts import monitor_chart, vega_spec
from kenniskaart.exports import to_csv
from kenniskaart.monitor import Measurement, MonitorInputError, MonitorState, Tracked, bijsturen, figure_rows, suggest
from kenniskaart.monitor.model import clean_text, parse_date, parse_number, with_baseline, with_measurement
from kenniskaart.monitor.steer import FIGURE_COLUMNS, MEASUREMENT_COLUMNS, chart_frame, measurement_rows
from kenniskaart.plan_van_aanpak import PlanInputs, assemble
from kenniskaart.plan_van_aanpak.docx import plan_docx
from kenniskaart.planscan import OwnEntry, Plan, item_label, items_of
from kenniskaart.werkmap import WerkmapError, werkmap_from_json, werkmap_summary, werkmap_to_json

TODAY = dt.date(2026, 12, 6)
FACTORS = ("beke-r-drugsgebruik", "beke-r-laag-opleidingsniveau", "beke-r-schuldenproblematiek",
           "sw-gem-r-weinig-binding-jongere-buurt")
D = dt.date


@pytest.fixture(scope="module")
def setup(kk):
    profile = Profile(risk_factors=FACTORS)
    example = next(e for e in kk.examples if e.kind == "botoc")
    plan = Plan(interventions=("triple-p", "halt-spreekuur", "aanpak-schoolverzuim"), examples=(example.id,),
                own=(OwnEntry(name="Buurtsportcoach", pmg_themes=("pmg-sociaal-netwerk",)),))
    items = items_of(kk, plan)
    labels = [item_label(i) for i in items]
    # A: lower is better (target 30 below baseline 40); 36 then 38: the last step goes up (wrong);
    #    planned 1-4, 1-7, 1-10: two measurements cover the first two, 1-10 is before today: overdue.
    a = Tracked(indicator="mon-veiligheid", unit="%", items=tuple(labels[:2]), baseline=40,
                baseline_date=D(2026, 1, 15), baseline_source="Veiligheidsmonitor 2025", target=30,
                planned=(D(2026, 4, 1), D(2026, 7, 1), D(2026, 10, 1)),
                measurements=(Measurement(date=D(2026, 4, 3), value=36), Measurement(date=D(2026, 7, 2), value=38)))
    # B: higher is better (target 50 above 10); 20 then 30: right way; two planned, two measured: nothing late.
    b = Tracked(indicator="mon-bereik", items=(labels[2],), baseline=10, baseline_date=D(2026, 1, 15), target=50,
                planned=(D(2026, 6, 1), D(2027, 1, 1)),
                measurements=(Measurement(date=D(2026, 3, 1), value=20), Measurement(date=D(2026, 6, 1), value=30)))
    return profile, plan, items, labels, MonitorState(tracked=(a, b))


def test_four_factors_and_five_items_each_get_indicators(kk, setup):
    _profile, _plan, items, labels, _ = setup
    factors = [kk.by_id("factors")[f] for f in FACTORS]
    s = suggest(kk, factors, items)
    assert len(s.by_factor) == 4 and len(s.by_item) == 5
    ids = {name: {v.id for v in vs} for name, vs in (*s.by_factor.items(), *s.by_item.items())}
    assert all(ids.values()), ids
    f = {kf.id: ids[kf.name] for kf in factors}
    assert "sw-ind-gem-binding-buurt" in f["sw-gem-r-weinig-binding-jongere-buurt"]  # Samen Weerbaar names it
    for fid in FACTORS[:3]:  # onderwijs / werk en inkomen / persoonlijke ontwikkeling: the sociaal domein
        assert "mon-sociaal-domein" in f[fid]
    assert "mon-veiligheid" not in f["beke-r-schuldenproblematiek"]  # werk en inkomen only
    for label in labels:  # every item: its reach and the unintended effects to watch
        assert {"mon-bereik", "mon-onbedoelde-effecten"} <= ids[label]
    assert "sw-ind-gezin-opvoedvaardigheden" in ids["Triple P"]  # by the factors Triple P addresses


def test_chart_and_bijsturen_from_a_baseline_and_two_measurements(kk, setup):
    *_, labels, state = setup
    a, _b = state.tracked
    frame = chart_frame(a)
    assert list(frame["waarde"]) == [40, 36, 38] and list(frame["soort"]) == ["nulmeting", "meting", "meting"]
    spec = vega_spec(monitor_chart(frame, a.target, a.unit))
    values = [r for rows in spec["datasets"].values() for r in rows]
    assert {r["waarde"] for r in values} == {40, 36, 38, 30}  # the line's points and the target line
    assert any(layer["mark"]["type"] == "rule" for layer in spec["layer"] if isinstance(layer.get("mark"), dict))

    signals = bijsturen(kk, state, labels, TODAY)
    name_a = "Veiligheid en slachtofferschap in de wijk"
    assert [(x.kind, x.subject, x.text) for x in signals] == [
        ("verkeerde-kant", name_a, "van 36 % naar 38 %, terwijl het doel (30 %) omlaag vraagt."),
        ("te-laat", name_a, "de meting van 01-10-2026 is nog niet ingevuld."),
        ("geen-indicator", labels[3], "geen indicator volgt dit planonderdeel."),
        ("geen-indicator", labels[4], "geen indicator volgt dit planonderdeel."),
    ]
    # before the third planned moment nothing is late yet
    assert "te-laat" not in {x.kind for x in bijsturen(kk, state, labels, D(2026, 9, 30))}


def test_word_download_has_the_monitoring_section_with_the_same_figures(kk, setup):
    profile, plan, _items, labels, state = setup
    doc = assemble(kk, profile, plan, PlanInputs(), None, TODAY, monitor=state)
    word = Document(io.BytesIO(plan_docx(doc)))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert "Nulmeting, indicatoren en monitor" in headings and "Bijsturen" in headings
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in word.tables]
    figures = next(t for t in tables if tuple(t[0]) == FIGURE_COLUMNS)
    assert figures[1:] == [list(r) for r in figure_rows(kk, state)]
    # and by hand
    assert figures[1][2:] == ["40 % op 15-01-2026", "Veiligheidsmonitor 2025", "30 %",
                              "36 % op 03-04-2026; 38 % op 02-07-2026", "01-10-2026"]
    assert figures[2][2:] == ["10 op 15-01-2026", "onbekend", "50", "20 op 01-03-2026; 30 op 01-06-2026",
                              "niet gepland"]
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Beweegt de verkeerde kant op: Veiligheid en slachtofferschap in de wijk: van 36 % naar 38 %" in text
    assert "Meting te laat" in text and f"Planonderdeel zonder indicator: {labels[3]}" in text
    assert "paradox van sociale organisatie" not in text  # what to watch: of the followed indicators
    watched = state.put(Tracked(indicator="mon-onbedoelde-effecten"))
    word = Document(io.BytesIO(plan_docx(assemble(kk, profile, plan, PlanInputs(), None, TODAY, monitor=watched))))
    assert "paradox van sociale organisatie" in "\n".join(p.text for p in word.paragraphs)
    assert "www.cbs.nl" in "\n".join(c for t in tables for row in t for c in row)


@pytest.mark.parametrize(("typed", "message"), [
    ("veertig", "Bij de nulmeting staat 'veertig': dat is geen getal."),
    ("=SUM(A1:A3)", "Bij de nulmeting staat een formule ('=SUM(A1:A3)')"),
    ("", None),
])
def test_text_or_a_formula_in_a_number_field_gives_a_dutch_message(typed, message):
    t = Tracked(indicator="mon-bereik")
    if message is None:  # empty: no nulmeting yet, not an error
        assert with_baseline(t, typed, "", "", "", "", "", TODAY).baseline is None
        return
    with pytest.raises(MonitorInputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        with_baseline(t, typed, "15-01-2026", "", "", "", "", TODAY)
    assert parse_number("3,5") == 3.5 and parse_number("1.250") == 1250


def test_future_dates_long_text_and_formulas_in_text():
    t = Tracked(indicator="mon-bereik")
    with pytest.raises(MonitorInputError, match="ligt in de toekomst"):
        with_baseline(t, "40", "1-1-2027", "", "", "", "", TODAY)
    with pytest.raises(MonitorInputError, match="ligt in de toekomst"):
        with_measurement(t, "7-12-2026", "3", "", TODAY)
    with pytest.raises(MonitorInputError, match="die datum bestaat niet"):
        parse_date("31-2-2026", "de meting", TODAY)
    with pytest.raises(MonitorInputError, match=r"te lang \(10\.000 tekens; maximaal 1\.000\)"):
        clean_text("x" * 10_000, "de bron")
    formula = "=HYPERLINK(\"http://x\")"
    kept = with_baseline(t, "40", "15-01-2026", formula, "", "", "", TODAY)
    assert kept.baseline_source == formula  # plain text, as typed
    csv = to_csv([{"Bron of notitie": kept.baseline_source}], ["Bron of notitie"]).decode("utf-8-sig")
    assert "'=HYPERLINK" in csv  # the export neutralises it for Excel


def test_measurement_rows_for_the_export(kk, setup):
    *_, state = setup
    rows = measurement_rows(kk, state)
    assert [(r["Soort"], r["Datum"], r["Waarde"]) for r in rows[:5]] == [
        ("nulmeting", "15-01-2026", 40), ("doel", "", 30), ("meting", "03-04-2026", 36),
        ("meting", "02-07-2026", 38), ("geplande meting", "01-10-2026", None)]
    assert set(rows[0]) == set(MEASUREMENT_COLUMNS)


def test_werkmap_carries_the_monitor_and_refuses_a_broken_part(kk, setup):
    profile, plan, *_, state = setup
    raw = werkmap_to_json(profile, [], {}, plan, PlanInputs(), state)
    wm, notices = werkmap_from_json(kk, raw)
    assert wm.monitor == state and not notices
    assert werkmap_summary(wm).endswith("monitor met 2 indicatoren")
    data = json.loads(raw)
    old = {k: v for k, v in data.items() if k != "monitor"}  # a werkmap from before the monitor
    assert werkmap_from_json(kk, json.dumps(old).encode())[0].monitor == MonitorState()
    data["monitor"]["tracked"][0]["baseline"] = "veertig"
    with pytest.raises(WerkmapError, match="De nulmeting en monitor in de werkmap zijn ongeldig"):
        werkmap_from_json(kk, json.dumps(data).encode())
    data = json.loads(raw)
    data["monitor"]["tracked"][0]["indicator"] = "bestaat-niet"
    wm, notices = werkmap_from_json(kk, json.dumps(data).encode())
    assert [t.indicator for t in wm.monitor.tracked] == ["mon-bereik"]
    assert notices == ["Onbekende indicatoren in de monitor genegeerd: bestaat-niet"]


def test_the_loader_checks_monitor_indicators(tmp_path):
    """References resolve, an address is https, and an indicator the monitor could never suggest
    (no factor, theme, intervention or every_item) is refused (``python -m kenniskaart validate``)."""
    import shutil

    from kenniskaart.content import ContentInvalid, content_dir, load_content

    root = tmp_path / "content"
    shutil.copytree(content_dir(), root)
    with (root / "indicators" / "monitor.yaml").open("a", encoding="utf-8") as f:
        f.write('''  - id: mon-kapot
    name: Kapot
    measures: iets
    where: [{name: ergens, url: "http://voorbeeld.nl"}]
    kind: outcome
    factors: [bestaat-niet]
    sources: [{source: ccv-vier-lessen, section: "Les 4"}]
  - id: mon-los
    name: Los
    measures: iets
    where: [{name: ergens}]
    kind: output
    sources: [{source: ccv-vier-lessen, section: "Les 4"}]
''')
    with pytest.raises(ContentInvalid) as err:
        load_content(root)
    text = str(err.value)
    assert "verwijst naar onbekend id 'bestaat-niet' (factors)" in text
    assert "een adres begint met https://" in text
    assert "de monitor stelt hem nooit voor" in text


@pytest.mark.sources
def test_monitor_indicators_rest_on_the_seeds(kk):
    """The facts behind content/indicators/monitor.yaml are in the seeds: the CCV's monitors and
    the nulmeting (seed 001, les 1 and 4), Samen Weerbaar's monitor of unintended effects and the
    paradox (seed 004, aanbeveling 5 and §5.2); every item names one of these two sources."""
    from kenniskaart.content import SEEDS_DIR
    from support.sources import read_source
    from support.text import compact

    ccv = compact(read_source(SEEDS_DIR / "001_5bf958074f8fd6fe.txt"))
    sw = compact(read_source(SEEDS_DIR / "004_52e1e918b60fb36b.txt"))
    for phrase in ("de leefbaarheidsmonitor", "veiligheidsmonitor en de inzichten vanuit het sociaal domein",
                   "justitiéle partners", "een nulmeting dikwijls vergeten", "tussenevaluaties",
                   "rekruitering of opdracht- verstrekking via social media"):
        assert compact(phrase) in ccv, phrase
    for phrase in ("stel een monitor op die inzicht geeft in de lokale effecten",
                   "mogelijk onbedoelde of averechtse effecten", "paradox van sociale organisatie"):
        assert compact(phrase) in sw, phrase
    assert kk.monitor_indicators
    for ind in kk.monitor_indicators:
        assert {r.source for r in ind.sources} <= {"ccv-vier-lessen", "samen-weerbaar-2024"}, ind.id
