"""The participant's answer form of the Werksessie: two kinds of question, each in its own words.

1. "Welke risico's ziet u?": risk factors only, as pills with their full names (they wrap on a
   360 px phone), the most named first and the rest through a search in everyday words (the
   content's synonym groups, ``werksessie.choices.risk_search``), with a Dutch message when a
   word finds nothing (never Streamlit's English "No results").
2. The Samen Weerbaar-scan: every indicator on the axis beschermend ↔ risicovol, or "weet ik niet".

The marked risks are one list in session state (``MARKED``); every pill group only shows it.
"""

from __future__ import annotations

import hashlib

import streamlit as st

from ..content import Kenniskaart
from ..vocabulary import INDICATOR_LEVEL_LABELS
from ..werksessie import ORG_TYPES, Answer, validate_answer
from ..werksessie.choices import featured_factors, risk_choices, risk_search
from ..werksessie.room import MAX_DOING, MAX_OWN, MAX_OWN_CHARS, MAX_TOP
from ..werksessie.scan import CHOICES, UNKNOWN, indicators, wording
from .cache import content_cache
from .text import md
from .werksessie import get_store, guarded, local_time, plain

MARKED = "ws_marked"
TOP = "ws_top_ids"
SCAN_KEY = "ws_scan_"
SCAN_ORDER = (1, 2, 3, 4, 5, UNKNOWN)
FORM_CSS = """<style>
.st-key-ws-form [data-testid=stButtonGroup] button { height: auto !important; min-height: 2rem;
  max-width: 100% !important; border-radius: 1rem !important; }
.st-key-ws-form [data-testid=stButtonGroup] button, .st-key-ws-form [data-testid=stButtonGroup] button * {
    white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
.st-key-ws-form [data-testid=stButtonGroup] button p { text-align: left; padding: 0.15rem 0; }
</style>"""
"""Fixed stylesheet (no content): a pill shows its whole option text, wrapped, on a 360 px phone."""


@content_cache(max_entries=4)
def _choices(kk: Kenniskaart) -> tuple[list[str], list[str]]:
    """(featured risks, every risk), built once per process (read-only)."""
    return featured_factors(kk), risk_choices(kk)


def _prefill(kk: Kenniskaart, token: str, org: str, answer: Answer | None) -> None:
    """Put the saved answer into the form once per participant token (a reload continues)."""
    if st.session_state.get("ws_form_token") == token:
        return
    st.session_state["ws_form_token"] = token
    factors = kk.by_id("factors")
    st.session_state["ws_org"] = answer.org_type if answer else org
    st.session_state[MARKED] = [f for f in (answer.factors if answer else ())
                                if getattr(factors.get(f), "kind", "") == "risico"]
    st.session_state[TOP] = list(answer.top) if answer else []
    st.session_state["ws_doing"] = list(answer.doing) if answer else []
    st.session_state["ws_own"] = "\n".join(answer.own) if answer else ""
    scan = dict(answer.scan) if answer else {}
    for ind in indicators(kk):
        st.session_state[SCAN_KEY + ind.id] = scan.get(ind.id)
    st.session_state["ws_saved"] = answer.updated_at if answer else None


def _sync(key: str, pool: list[str]) -> None:
    """A pill group changed: the marked list keeps its order, drops what was unticked in this
    group and adds what was ticked."""
    chosen = st.session_state.get(key) or []
    marked = [f for f in st.session_state.get(MARKED, []) if f not in pool or f in chosen]
    st.session_state[MARKED] = marked + [f for f in chosen if f not in marked]


def _pills(label: str, options: list[str], key: str, names, visible: bool = False) -> None:
    """Pills over ``options``, showing (and changing) the marked list."""
    st.session_state[key] = [f for f in options if f in st.session_state.get(MARKED, [])]
    st.pills(label, options, selection_mode="multi", format_func=names, key=key, on_change=_sync,
             args=(key, options), label_visibility="visible" if visible else "collapsed", width="stretch")


def _digest(ids: list[str]) -> str:
    """A key part per option list: a pill group whose options change is a new widget, so a click
    on the old one can never write a stale selection back."""
    return hashlib.sha1("|".join(ids).encode()).hexdigest()[:10]


def _set_top(key: str) -> None:
    top = st.session_state.get(key) or []
    if len(top) > MAX_TOP:
        st.session_state["ws_top_full"] = True
        top = [f for f in st.session_state.get(TOP, []) if f in top][:MAX_TOP]
    st.session_state[TOP] = top


def risks(kk: Kenniskaart) -> None:
    """Question 2 and 3: the risks this participant sees, and their top three."""
    factors = kk.by_id("factors")
    featured, every = _choices(kk)

    def name(f: str) -> str:  # a pill renders Markdown: content text through md()
        return md(factors[f].name)

    st.markdown("**2. Welke risico's ziet u bij jongeren in uw gemeente?**")
    st.caption("Tik aan wat u ziet. Eerst de risicofactoren die het vaakst genoemd worden; de rest vindt u "
               "met het zoekvak. Wat beschermt, komt bij vraag 4.")
    _pills("Veelgenoemde factoren (risico's)", featured, "ws_feat", name)  # label as bench/deploy_two_processes expects
    query = st.text_input("Zoek een risico in uw eigen woorden", key="ws_q", max_chars=60,
                          placeholder="bijv. spijbelen, blowen, schulden, ouders, straat")
    if query.strip():
        found = risk_search(kk, query, every)
        if found:
            digest = hashlib.sha1(query.strip().casefold().encode()).hexdigest()[:10]
            st.caption(f"{len(found)} {'risico' if len(found) == 1 else 'risico’s'} gevonden voor "
                       f"‘{plain(query.strip())}’:")
            _pills("Gevonden risico's", found, f"ws_found_{digest}", name)
        else:
            st.info(f"Geen risicofactor gevonden voor ‘{plain(query.strip())}’. Probeer een ander woord, zoals "
                    "spijbelen, drugs, schulden, ouders of buurt.", icon=":material/search_off:")
    marked = list(st.session_state.get(MARKED, []))
    if marked:
        with st.container(key="ws-chosen"):
            _pills(f"Aangevinkt ({len(marked)}): tik om weg te halen", marked, f"ws_chosen_{_digest(marked)}", name,
                   visible=True)
    st.session_state[TOP] = [f for f in st.session_state.get(TOP, []) if f in marked][:MAX_TOP]
    st.markdown("**3. Uw top 3: waar moet als eerste iets gebeuren?**")
    if not marked:
        st.caption("Vink eerst bij vraag 2 aan wat u ziet.")
        return
    key = f"ws_top_{_digest(marked)}"
    st.session_state[key] = list(st.session_state[TOP])
    with st.container(key="ws-top3"):
        st.pills("3. Uw top 3", marked, selection_mode="multi", format_func=name, key=key, on_change=_set_top,
                 args=(key,), label_visibility="collapsed", width="stretch")
    if st.session_state.pop("ws_top_full", False):
        st.warning(f"Kies er hoogstens {MAX_TOP}: haal er eerst een weg.", icon=":material/info:")


def scan(kk: Kenniskaart) -> None:
    """Question 4: the Samen Weerbaar-scan, one axis per indicator."""
    st.markdown("**4. Samen Weerbaar-scan: hoe staat het ervoor in uw gemeente?**")
    st.caption("Zet elke indicator op de as van beschermend (1) naar risicovol (5), of kies ‘weet ik niet’. "
               "Naar: Samen Weerbaar (2024), §5.1 en aanbeveling 1.")
    level = None
    for ind in indicators(kk):
        if ind.level != level:
            level = ind.level
            st.markdown(f"*{md(INDICATOR_LEVEL_LABELS[level])}*")
        st.radio(f"{ind.name}", SCAN_ORDER, format_func=CHOICES.get, key=SCAN_KEY + ind.id, horizontal=True,
                 index=None, help=md(f"{wording(kk, ind)} (Bron: Samen Weerbaar, {ind.sources[0].section}.)"))
        st.caption(f"1 = {md(ind.protective)} · 5 = {md(ind.risky)}")


def scan_answers(kk: Kenniskaart) -> dict[str, int]:
    return {ind.id: v for ind in indicators(kk) if (v := st.session_state.get(SCAN_KEY + ind.id)) is not None}


@st.fragment
def answer_form(kk: Kenniskaart, code: str, token: str, org: str, answer: Answer | None) -> None:
    """The participant's form. Changes rerun only this; 'Opslaan' saves (or replaces) the answer."""
    with st.container(key="ws-form"):
        _form(kk, code, token, org, answer)


def _form(kk: Kenniskaart, code: str, token: str, org: str, answer: Answer | None) -> None:
    ivs = kk.by_id("interventions")
    _prefill(kk, token, org, answer)
    st.html(FORM_CSS)
    st.radio("1. Uw soort organisatie", list(ORG_TYPES), format_func=ORG_TYPES.get, key="ws_org", horizontal=True)
    risks(kk)
    scan(kk)
    st.markdown("**5. Wat doet uw organisatie al?** (mag leeg blijven)")
    st.multiselect(
        "Interventies uit de kenniskaart", list(ivs), format_func=lambda i: ivs[i].name, key="ws_doing",
        max_selections=MAX_DOING, placeholder="Typ een naam…", filter_mode="contains", select_all=False, wrap=True,
    )
    st.text_area(f"Eigen aanpak: één per regel (hoogstens {MAX_OWN}, elk {MAX_OWN_CHARS} tekens)", key="ws_own",
                 max_chars=MAX_OWN * (MAX_OWN_CHARS + 1), height=100,
                 placeholder="Geen namen van personen: alleen wat uw organisatie doet.")
    failed = None
    if st.button("Opslaan", type="primary", icon=":material/save:", key="ws_save", width="stretch"):
        failed = guarded(_save, kk, code, token)
    saved_at = st.session_state.get("ws_saved")
    if saved_at is not None and failed is None:  # after a failed save only the error shows
        message = (f"Opgeslagen om {local_time(saved_at)}. U kunt uw antwoord wijzigen en opnieuw opslaan; "
                   "het vervangt uw vorige antwoord.")
        (st.success if st.session_state.pop("ws_just_saved", False) else st.info)(message, icon=":material/check:")


def _save(kk: Kenniskaart, code: str, token: str) -> None:
    checked = validate_answer(
        kk, st.session_state["ws_org"], st.session_state.get(MARKED, []), st.session_state.get(TOP, []),
        st.session_state["ws_doing"],
        [line for line in st.session_state.get("ws_own", "").splitlines() if line.strip()],
        scan_answers(kk),
    )
    saved = get_store().save_answer(code, token, checked)
    st.session_state["ws_saved"] = saved.updated_at
    st.session_state["ws_just_saved"] = True
