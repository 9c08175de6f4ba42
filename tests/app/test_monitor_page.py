"""The Nulmeting en monitor page through AppTest: the plan's indicators are suggested, following
one, entering a nulmeting and two measurements draws the chart and fills the bijsturen list;
bad input shows a Dutch message (no traceback) and changes nothing; the monitor survives
leaving the page; the plan van aanpak links to the page in one click and shows the same figures."""

from __future__ import annotations

import datetime as dt

from kenniskaart.aanbeveler import Profile
from kenniskaart.monitor import MonitorState
from kenniskaart.planscan import Plan
from kenniskaart.ui.text import md
from support.apptest import open_page, page_text, read_csv, read_xlsx

PAGE = "pages/monitor.py"
IND = "mon-veiligheid"
K = f"mon_{IND}_"


def submit(at, label: str):
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception, [e.value for e in at.exception]


def fill(at, values: dict[str, str]):
    for key, value in values.items():
        at.text_input(key=key).input(value)


def test_follow_enter_a_baseline_and_two_measurements(kk):
    at = open_page()
    at.session_state["profile"] = Profile(risk_factors=("beke-r-drugsgebruik", "beke-r-buurt-criminele-groep"))
    at.session_state["plan"] = Plan(interventions=("halt-spreekuur", "ipta"))
    at.switch_page(PAGE).run()
    assert [t.value for t in at.title] == ["Nulmeting en monitor"]
    at.button(key=f"mon_follow_{IND}").click().run()
    state = at.session_state["monitor"]
    assert [t.indicator for t in state.tracked] == [IND]
    assert state.tracked[0].factors == ("Wonen in een buurt waar een georganiseerde criminele groep opereert",)

    # bad input: a Dutch message, nothing stored
    fill(at, {K + "value": "veel", K + "date": "15-01-2026"})
    submit(at, "Nulmeting opslaan")
    assert any("'veel': dat is geen getal" in e.value for e in at.error)
    assert at.session_state["monitor"].tracked[0].baseline is None
    fill(at, {K + "value": "40", K + "date": "15-01-2099"})
    submit(at, "Nulmeting opslaan")
    assert any("ligt in de toekomst" in e.value for e in at.error)

    today = dt.date.today()
    first, second = today - dt.timedelta(days=60), today - dt.timedelta(days=30)
    fill(at, {K + "value": "40", K + "date": f"{today - dt.timedelta(days=90):%d-%m-%Y}", K + "target": "30",
              K + "unit": "%", K + "planned": f"{today - dt.timedelta(days=61):%d-%m-%Y}; "
              f"{today - dt.timedelta(days=31):%d-%m-%Y}; {today - dt.timedelta(days=1):%d-%m-%Y}"})
    submit(at, "Nulmeting opslaan")
    for date, value in ((first, "36"), (second, "38")):
        fill(at, {K + "m_date": f"{date:%d-%m-%Y}", K + "m_value": value})
        submit(at, "Meting toevoegen")
    t = at.session_state["monitor"].tracked[0]
    assert (t.baseline, t.target, [m.value for m in t.measurements]) == (40, 30, [36, 38])
    assert len(at.get("vega_lite_chart")) == 1
    steer = "\n".join(w.value for w in at.warning)
    assert md("van 36 % naar 38 %, terwijl het doel (30 %) omlaag vraagt.") in steer
    assert md(f"de meting van {today - dt.timedelta(days=1):%d-%m-%Y} is nog niet ingevuld.") in steer
    # mon-veiligheid follows Halt-spreekuur (its factors have the theme sociaal netwerk), not IPTA (werk en inkomen)
    assert t.items == ("Halt-spreekuur",)
    ipta = kk.by_id("interventions")["ipta"].name
    assert f"**Planonderdeel zonder indicator** — {md(ipta)}: {md('geen indicator volgt dit planonderdeel.')}" in steer
    assert f"— {md('Halt-spreekuur')}: " not in steer
    assert [b.label for b in at.get("download_button")] == [
        "Download metingen (CSV)", "Download metingen (Excel)", "Download werkmap (.json)"]

    # leaving the page keeps everything; the plan van aanpak shows the same figures and links back
    at.switch_page("pages/plan_van_aanpak.py").run()
    assert not at.exception
    assert any(p.proto.label == "Nulmeting en monitor invullen" for p in at.get("page_link"))
    cells = {str(c) for tb in at.table for c in tb.value.to_numpy().ravel()}
    assert md(f"36 % op {first:%d-%m-%Y}; 38 % op {second:%d-%m-%Y}") in cells  # the same figures as the page
    at.switch_page(PAGE).run()
    assert at.session_state["monitor"].tracked[0].measurements == t.measurements
    assert at.text_input(key=K + "value").value == "40"


def test_hostile_own_indicator_is_plain_text_and_the_export_is_excel_safe(downloads):
    at = open_page(PAGE)
    hostile = "=HYPERLINK(\"http://x\") <b>Zuid</b> **vet**"
    at.text_input(key="mon_own_name").input(hostile)
    at.button(key="mon_own_add").click().run()
    assert not at.exception
    assert md(hostile) in [h.value for h in at.subheader]  # escaped: no bold, no HTML
    k = "mon_eigen-1_"
    fill(at, {k + "value": "12", k + "date": "15-01-2026", k + "source": "=1+1"})
    submit(at, "Nulmeting opslaan")
    csv_rows = read_csv(downloads.data(at, "Download metingen (CSV)"))
    assert csv_rows[0]["Indicator"] == "'" + hostile and csv_rows[0]["Bron of notitie"] == "'=1+1"
    xlsx_rows = read_xlsx(downloads.data(at, "Download metingen (Excel)"))
    assert xlsx_rows[0]["Indicator"] == hostile and xlsx_rows[0]["Waarde"] == 12  # text stays text


def test_empty_page_says_what_to_do():
    at = open_page(PAGE)
    text = page_text(at)
    assert "Nog geen factoren en geen plan" in text
    assert isinstance(at.session_state["monitor"] if "monitor" in at.session_state else MonitorState(), MonitorState)
