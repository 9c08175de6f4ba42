"""The Nulmeting en monitor page's Streamlit layer: the suggested indicators for the plan's
factors and items, per followed indicator a nulmeting form, a measurement form and a chart, the
bijsturen list and the downloads (the callbacks are in ``monitor_actions``). The monitor lives
in session state (``state.MONITOR_KEY``): it survives navigation and travels in the werkmap.
Everything typed goes through ``monitor.model`` (Dutch messages); all text is rendered with
``md()``."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from ..charts import monitor_chart
from ..content import Kenniskaart
from ..exports import to_csv, to_xlsx
from ..monitor import Tracked, bijsturen, figure_rows, measurement_rows
from ..monitor.model import date_text, number_text
from ..monitor.steer import FIGURE_COLUMNS, MEASUREMENT_COLUMNS, chart_frame, tracked_name
from ..monitor.suggest import IndicatorView, indicator_views, suggest
from ..plan_van_aanpak.prefill import profile_factors
from ..planscan import item_label, items_of
from ..vocabulary import INDICATOR_KIND_LABELS, SIGNAL_LABELS
from .monitor_actions import (
    ERRORS,
    add_measurement,
    add_own,
    drop_last,
    follow,
    save_baseline,
    unfollow,
)
from .state import MONITOR_WIDGETS as W
from .state import current_monitor, current_plan, current_profile
from .text import md, sources_line, web_link


def _show_error(key: str) -> None:
    message = st.session_state.get(ERRORS, {}).pop(key, None)
    if message:
        st.error(md(message), icon=":material/error:")


# --- the page's parts ------------------------------------------------------------------------


def _describe(kk: Kenniskaart, v: IndicatorView) -> None:
    st.markdown(f"**{md(v.name)}** · {md(INDICATOR_KIND_LABELS[v.kind])}")
    st.write(md(v.measures))
    where = "; ".join(md(n) + (f" — {web_link(u)}" if u else "") for n, u in v.where)
    st.markdown(f"**Waar te vinden:** {where}")
    if v.watch:
        st.warning(f"**Let op onbedoelde effecten:** {md(v.watch)}", icon=":material/warning:")
    st.caption(sources_line(kk, v.sources))


def suggestions(kk: Kenniskaart) -> None:
    factors, items = profile_factors(kk, current_profile()), items_of(kk, current_plan())
    if not factors and not items:
        st.info("Nog geen factoren en geen plan: maak een profiel in de Aanbeveler of zet interventies in de "
                "Planscan; dan stelt de monitor indicatoren voor. U kunt ook zelf een indicator toevoegen.",
                icon=":material/info:")
    s = suggest(kk, factors, items)
    followed = {t.indicator for t in current_monitor().tracked}
    fits: dict[str, list[str]] = {}
    for name, vs in s.by_factor.items():
        for v in vs:
            fits.setdefault(v.id, []).append(f"factor {name}")
    for label, vs in s.by_item.items():
        for v in vs:
            fits.setdefault(v.id, []).append(f"planonderdeel {label}")
    views = indicator_views(kk)
    with st.expander(f"Voorgestelde indicatoren ({len(fits)})", expanded=not followed):
        for iid, why in fits.items():
            v = views[iid]
            with st.container(border=True):
                _describe(kk, v)
                st.caption("Past bij: " + md("; ".join(why)))
                if iid in followed:
                    st.caption("U volgt deze indicator al.")
                else:
                    st.button("Volg deze indicator", key=f"{W}follow_{iid}", on_click=follow, args=(kk, iid),
                              icon=":material/add:")
    with st.expander("Eigen indicator toevoegen"):
        st.text_input("Naam van de indicator", key=f"{W}own_name", max_chars=200)
        st.multiselect("Volgt de planonderdelen", [item_label(i) for i in items], key=f"{W}own_items",
                       placeholder="Kies…")
        st.button("Eigen indicator toevoegen", key=f"{W}own_add", on_click=add_own, icon=":material/add:")
    _show_error("_")


def tracked_panel(kk: Kenniskaart, t: Tracked) -> None:
    views = indicator_views(kk)
    k = f"{W}{t.indicator}_"
    name = tracked_name(kk, t)
    with st.container(border=True, key=f"mon-{t.indicator}"):
        st.subheader(md(name), anchor=False)
        if t.indicator in views:
            st.caption(md(views[t.indicator].measures))
        if t.items:
            st.caption("Volgt: " + md("; ".join(t.items)))
        _show_error(t.indicator)
        s = st.session_state
        if k + "value" not in s:  # the form starts from what is stored
            s[k + "value"] = "" if t.baseline is None else number_text(t.baseline)
            s[k + "date"] = "" if t.baseline_date is None else f"{t.baseline_date:%d-%m-%Y}"
            s[k + "source"] = t.baseline_source
            s[k + "target"] = "" if t.target is None else number_text(t.target)
            s[k + "unit"] = t.unit
            s[k + "planned"] = "; ".join(f"{p:%d-%m-%Y}" for p in t.planned)
        left, right = st.columns(2)
        with left.form(f"{k}baseline_form", border=True):
            st.markdown("**Nulmeting en doel**")
            st.text_input("Waarde van de nulmeting", key=k + "value", placeholder="bijvoorbeeld 40 of 3,5")
            st.text_input("Datum van de nulmeting", key=k + "date", placeholder="dd-mm-jjjj")
            st.text_input("Bron van de nulmeting", key=k + "source", max_chars=1000)
            st.text_input("Doel", key=k + "target", placeholder="de waarde die het plan wil bereiken")
            st.text_input("Eenheid", key=k + "unit", placeholder="bijvoorbeeld %, aantal jongeren")
            st.text_input("Geplande metingen", key=k + "planned", placeholder="1-6-2027; 1-12-2027")
            st.form_submit_button("Nulmeting opslaan", on_click=save_baseline, args=(t.indicator,))
        with right.form(f"{k}measure_form", border=True):
            st.markdown("**Nieuwe meting**")
            st.text_input("Datum van de meting", key=k + "m_date", placeholder="dd-mm-jjjj")
            st.text_input("Waarde van de meting", key=k + "m_value", placeholder="bijvoorbeeld 35")
            st.text_input("Notitie", key=k + "m_note", max_chars=1000)
            st.form_submit_button("Meting toevoegen", on_click=add_measurement, args=(t.indicator,))
        frame = chart_frame(t)
        if len(frame):
            st.altair_chart(monitor_chart(frame, t.target, t.unit), width="stretch")
            st.caption("Grafiek als tekst: " + md("; ".join(
                f"{kind} {number_text(v)} op {date_text(d)}" for d, v, kind in
                ((r.datum.date(), r.waarde, r.soort) for r in frame.itertuples()))
                + (f"; doel {number_text(t.target)}" if t.target is not None else "")))
        else:
            st.caption("Nog geen nulmeting: vul die eerst in, dan verschijnt de grafiek.")
        with st.container(horizontal=True):
            if t.measurements:
                st.button("Laatste meting verwijderen", key=k + "drop_last", on_click=drop_last, args=(t.indicator,))
            st.button("Niet meer volgen", key=k + "unfollow", on_click=unfollow, args=(t.indicator,))


def steer_list(kk: Kenniskaart) -> None:
    items = [item_label(i) for i in items_of(kk, current_plan())]
    signals = bijsturen(kk, current_monitor(), items, dt.date.today())
    with st.container(key="mon-bijsturen"):
        if signals:
            st.warning("\n".join(f"- **{md(SIGNAL_LABELS[x.kind])}** — {md(x.subject)}: {md(x.text)}" for x in signals),
                       icon=":material/flag:")
        else:
            st.success("Op dit moment is er niets om op bij te sturen.", icon=":material/check_circle:")


def overview(kk: Kenniskaart) -> None:
    state = current_monitor()
    if not state.tracked:
        st.caption("Nog geen indicatoren gevolgd.")
        return
    st.dataframe([dict(zip(FIGURE_COLUMNS, row, strict=True)) for row in figure_rows(kk, state)], hide_index=True)
    rows = measurement_rows(kk, state)
    with st.container(horizontal=True):
        st.download_button("Download metingen (CSV)", to_csv(rows, MEASUREMENT_COLUMNS), file_name="metingen.csv",
                           mime="text/csv", icon=":material/download:", on_click="ignore", key=f"{W}csv")
        st.download_button("Download metingen (Excel)", to_xlsx(rows, MEASUREMENT_COLUMNS, "Metingen"),
                           file_name="metingen.xlsx", icon=":material/download:", on_click="ignore", key=f"{W}xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
