"""The presentation mode (AppTest): its steps run, and the charts of the Kaart step are
readable on a projector."""

from __future__ import annotations

from kenniskaart import presentatie
from support.apptest import open_page


def _font_sizes(spec) -> list:
    """Every fontSize / labelFontSize / titleFontSize anywhere in a Vega-Lite spec."""
    if isinstance(spec, dict):
        own = [v for k, v in spec.items() if k == "fontSize" or k.endswith("FontSize")]
        return own + [s for v in spec.values() for s in _font_sizes(v)]
    if isinstance(spec, list):
        return [s for v in spec for s in _font_sizes(v)]
    return []


def test_presentation_chart_text_is_at_least_24px(kk):
    """The README promises 24 px type on the projector: both charts of the presentation's Kaart
    step, as the page draws them (AppTest, the chart spec the browser receives)."""
    import json

    case = kk.cases[1]
    at = open_page(
        "pages/start.py", {"presentatie": "1", "leeftijd": str(case.age), "risico": ",".join(case.risk_factors)}
    )
    at.session_state["p_step"] = presentatie.STEPS.index("Kaart")
    for view in ["Kaart", "Bewijs × factoren"]:
        at.session_state["p_map_view"] = view
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        charts = at.get("vega_lite_chart")
        assert len(charts) == 1, view
        sizes = _font_sizes(json.loads(charts[0].proto.spec))
        assert len(sizes) >= 3 and all(isinstance(s, (int, float)) for s in sizes), (view, sizes)
        assert min(sizes) >= 24, (view, sizes)


def test_presentation_steps_in_apptest(kk):
    case = kk.cases[1]
    params = {"presentatie": "1", "leeftijd": str(case.age), "risico": ",".join(case.risk_factors)}
    at = open_page("pages/start.py", params)
    titles = []
    for i, _ in enumerate(presentatie.STEPS):
        titles.append(at.title[0].value)
        assert not at.exception, [e.value for e in at.exception]
        if i < len(presentatie.STEPS) - 1:
            at.button(key="p_next").click().run()
    assert at.button(key="p_next").disabled
    assert titles == [f"Stap {i} van {len(presentatie.STEPS)}: {s}" for i, s in enumerate(presentatie.STEPS, 1)]
    at.button(key="p_prev").click().run()
    assert at.title[0].value.startswith(f"Stap {len(presentatie.STEPS) - 1} ")
