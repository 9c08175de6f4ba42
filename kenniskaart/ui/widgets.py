"""Widgets several pages use: charts, the shortlist button, the presentation switch, the
casus picker, the explanation under a search box, and the factor pickers' options, labels, Dutch
tip and page style (``factor_pickers``, ``factor_picker``, ``picker_tip``)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pandas as pd
import streamlit as st

from .. import charts
from ..catalog import (
    examples_per_municipality,
    examples_per_theme,
    factor_option_label,
    factor_options,
    factors_table,
    interventions_table,
)
from ..content import Kenniskaart
from ..exports import dataframe_csv
from ..factors import markable
from ..nl import plural
from ..search import explain, search
from ..vocabulary import FACTOR_KIND_LABELS, LEVEL_LABELS
from .cache import content_cache, ids_key, key_ids
from .state import SHORTLIST_KEY, add_to_shortlist, set_presentation
from .text import md


@st.cache_resource(show_spinner=False, max_entries=256)
def _chart_template(builder: str, columns: tuple[str, ...], *args, _data=None) -> tuple[str, str]:
    return charts.spec_template(getattr(charts, builder)(_data, *args))


def chart(builder, data, *args, **kwargs):
    """Show a chart of ``kenniskaart.charts``: ``chart(charts.bar_chart, df, "thema")``.

    The Altair chart is built once per builder, columns and arguments (``st.cache_resource``:
    a template is two strings, shared read-only) and
    filled with ``data`` on every run (``charts.fill_template``): ~0.5 ms instead of ~10 ms.
    Keyword arguments go to ``st.vega_lite_chart`` (``on_select``, ``key``, ...).
    """
    kwargs.setdefault("width", "stretch")
    template = _chart_template(builder.__name__, tuple(data.columns), *args, _data=data)
    return st.vega_lite_chart(charts.fill_template(template, data), **kwargs)


@content_cache(max_entries=64)
def _catalogue_table(kk: Kenniskaart, ids: str) -> tuple[pd.DataFrame, bytes]:
    by_id = kk.by_id("interventions")
    table = interventions_table(kk, [by_id[i] for i in key_ids(ids)])
    return table, dataframe_csv(table)


def catalogue_table(kk: Kenniskaart, items: list) -> tuple[pd.DataFrame, bytes]:
    """The catalogue table of ``items`` and its CSV, built once per list per process (the
    content never changes while the process runs). Read-only: shared by every session."""
    return _catalogue_table(kk, ids_key(iv.id for iv in items))


@content_cache(max_entries=64)
def _factor_table(kk: Kenniskaart, ids: str) -> pd.DataFrame:
    by_id = kk.by_id("factors")
    return factors_table(kk, [by_id[i] for i in key_ids(ids)])


def factor_table(kk: Kenniskaart, factors: list) -> pd.DataFrame:
    """The Factoren table of ``factors``, built once per list per process (read-only, shared)."""
    return _factor_table(kk, ids_key(f.id for f in factors))


@content_cache(max_entries=64)
def _example_counts(kk: Kenniskaart, ids: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    by_id = kk.by_id("examples")
    examples = [by_id[i] for i in key_ids(ids)]
    return examples_per_theme(kk, examples), examples_per_municipality(examples)


def example_counts(kk: Kenniskaart, examples: list) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Practice examples per interventiethema and per municipality (``catalog``), built once per
    list per process (read-only, shared)."""
    return _example_counts(kk, ids_key(e.id for e in examples))


@content_cache(max_entries=4)
def _factor_pickers(kk: Kenniskaart) -> tuple[dict[tuple[str, str], list[str]], dict[str, str]]:
    options = {(kind, level): factor_options(kk, kind, level)
               for kind in ("risico", "beschermend") for level in LEVEL_LABELS}
    return options, {f.id: factor_option_label(kk, f) for f in kk.factors}


FACTOR_PICKER_HELP = ("Typ een deel van de naam, het thema of een gewoon woord, zoals spijbelen, blowen, strafblad, "
                      "schulden, criminele familie, agressie of thuis.")

NO_MATCH = "Niets gevonden met dit woord. Probeer een ander woord of lees de tip onder het veld."
"""What a picker's list says when the typed text matches no option, instead of Streamlit's
English 'No results' (1.67 has no parameter for it: ``_PICKER_PAGE`` replaces the text)."""

FACTOR_TIPS = {
    "aanbeveler": (
        "Geen factor bij uw woord? Een LVB, de leeftijd, een delict (Halt, jeugdreclassering) en een ouder "
        "die meedoet vult u hierboven in bij het profiel. Online of via gamen in contact met criminelen: typ "
        "‘criminele contacten’ (gemeenschap). Een programma zoals MDFT of MST, of hulp uit de ggz, zoekt u op de "
        "pagina Interventies."
    ),
    "filter": (
        "Geen factor bij uw woord? Het zoekvak hierboven zoekt ook in de tekst van de items: programma’s "
        "(MDFT, MST), LVB, online, JJI of jeugdreclassering."
    ),
    "planscan": (
        "Geen factor bij uw woord? Typ een deel van de naam of een gewoon woord (spijbelen, blowen, schulden, "
        "criminele familie). Alleen factoren die een interventie kan veranderen staan in de lijst."
    ),
    "werksessie": (
        "Geen factor bij uw woord? Typ een deel van de naam of een gewoon woord (spijbelen, blowen, schulden, "
        "criminele familie, thuis, straat). Een LVB of een delict is geen factor: noem het bij de toelichting."
    ),
}
"""The Dutch tip under a factor picker, per page: where a word that is no factor goes (issue 26:
'LVB', 'gamen' and 'online' in a factor picker). 'werksessie': for the Werksessie's picker
(``picker_tip("werksessie")`` under it also brings the pickers' style and Dutch 'nothing found')."""

_PICKER_PAGE = """<style>
[data-testid=stMultiSelectDropdown] [role=option],
[data-testid=stSelectboxVirtualDropdown] [role=option] { padding-top: 0; padding-bottom: 0; }
[data-testid=stMultiSelectDropdown] [role=option] > div,
[data-testid=stSelectboxVirtualDropdown] [role=option] > div {
  white-space: normal; overflow-wrap: anywhere; line-height: 1.1; font-size: 0.8125rem;
  max-height: 2.5rem; overflow: hidden;
}
@media (max-width: 640px) {
  [data-testid=stMultiSelectDropdown] [role=option] > div,
  [data-testid=stSelectboxVirtualDropdown] [role=option] > div { font-size: 0.75rem; line-height: 1.05; }
}
</style><script>
(() => {
  if (window.__kkPickers) return;
  window.__kkPickers = true;
  const noMatch = %s;
  const lists = '[data-testid=stMultiSelectDropdown], [data-testid=stSelectboxVirtualDropdown]';
  // a list in a narrow column is as wide as its field: widen it (within the window) so the
  // options need fewer lines
  const widen = (list) => {
    const want = Math.min(560, window.innerWidth - 16);
    if (list.getBoundingClientRect().width + 1 >= want) return;
    list.style.minWidth = want + 'px';
    const over = list.getBoundingClientRect().right - (window.innerWidth - 8);
    if (over > 0) list.style.marginLeft = -over + 'px';
  };
  const update = () => {
    for (const list of document.querySelectorAll(lists)) {
      widen(list);
      for (const el of list.querySelectorAll('span')) {
        if (el.childElementCount === 0 && el.textContent === 'No results') el.textContent = noMatch;
      }
      // an option longer than its row (2.5rem, fixed by Streamlit) gets smaller type until it fits
      for (const el of list.querySelectorAll('[role=option] > div')) {
        const key = el.textContent + '|' + el.clientWidth;
        if (el.dataset.kkFit === key) continue;
        el.style.fontSize = '';
        let size = parseFloat(getComputedStyle(el).fontSize);
        while (el.scrollHeight > el.clientHeight + 1 && size > 8) {
          size -= 0.5;
          el.style.fontSize = size + 'px';
        }
        el.dataset.kkFit = el.textContent + '|' + el.clientWidth;
      }
    }
  };
  new MutationObserver(update).observe(document.body, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['style'],
  });
  update();
})();
</script>"""
"""Style and script for a page with pickers. The option text wraps instead of running off the
list's edge (cut off on a phone); a list in a narrow column is widened within the window; an
option still longer than its row (every row of Streamlit's list is 2.5rem high) gets smaller type
until it fits whole. Where Streamlit writes 'No results'
(1.67 has no parameter for it) the script writes ``NO_MATCH``. A fixed text, no content."""


def picker_tip(where: str) -> None:
    """Under a factor picker: the Dutch tip for words that are no factor (``FACTOR_TIPS``), and
    the pickers' style and Dutch 'nothing found' (``_PICKER_PAGE``)."""
    st.caption(FACTOR_TIPS[where])
    st.html(_PICKER_PAGE % json.dumps(NO_MATCH), unsafe_allow_javascript=True)


def factor_pickers(kk: Kenniskaart) -> tuple[dict[tuple[str, str], list[str]], dict[str, str]]:
    """The factor pickers' options per (kind, level), and a label with everyday words for every
    factor (every factor picker shows these, so 'spijbel' finds a factor everywhere), built once
    per process (``catalog.factor_options`` / ``factor_option_label``). Read-only."""
    return _factor_pickers(kk)


def factor_picker(kk: Kenniskaart, where: str) -> tuple[list[str], Callable[[str], str]]:
    """Options and label function of the factor picker of a page other than the Aanbeveler (its
    six pickers take ``factor_pickers`` per kind and level), each with the one label with
    everyday words (``catalog.factor_option_label``):

    - ``interventies`` ('Pakt deze factor aan'): every factor, a twin too (items link either);
    - ``praktijkvoorbeelden`` ('Pakt deze factor aan'): the Aanbeveler's choices, with their kind;
    - ``planscan`` (an own entry's factors): the markable choices (``factors.markable``: dynamic,
      one per twin pair).
    """
    options, labels = factor_pickers(kk)
    factors = kk.by_id("factors")
    choices = [fid for ids in options.values() for fid in ids]
    if where == "interventies":
        return [f.id for f in kk.factors], labels.__getitem__
    if where == "praktijkvoorbeelden":
        return choices, lambda f: f"{labels[f]} ({FACTOR_KIND_LABELS[factors[f].kind]})"
    if where == "planscan":
        targets = set(markable(kk))
        return [f for f in choices if f in targets], labels.__getitem__
    raise ValueError(where)


def shortlist_button(intervention_id: str, key_prefix: str) -> None:
    """'Zet op shortlist' button, or a note that the item is on it."""
    items = st.session_state.get(SHORTLIST_KEY, [])
    if intervention_id in items:
        st.caption("✓ Staat op de shortlist")
    else:
        st.button(
            "Zet op shortlist",
            key=f"{key_prefix}-sl-{intervention_id}",
            on_click=add_to_shortlist,
            args=(intervention_id,),
        )


def presentation_switch() -> None:
    """The sidebar control that starts the presentation mode."""
    st.sidebar.button(
        "Presentatiemodus",
        icon=":material/co_present:",
        on_click=set_presentation,
        args=(True,),
        help="Grote letters, geen zijbalk, één stap per scherm: voor de beamer in een workshop.",
        width="stretch",
    )


def case_picker(kk: Kenniskaart, label: str, key: str, on_change) -> None:
    """A selectbox of the ready-made casussen; shows the chosen one's description."""
    cases = kk.by_id("cases")
    if not cases:
        return
    st.selectbox(
        label,
        [None, *cases],
        format_func=lambda c: "— kies een casus —" if c is None else cases[c].title,
        key=key,
        on_change=on_change,
        placeholder="Kies een casus…",
    )
    chosen = cases.get(st.session_state.get(key))
    if chosen:
        st.caption(md(chosen.description))


def search_explanation(kk: Kenniskaart, query: str) -> None:
    """Under a search box: which words were searched for, and through which factors."""
    if not query.strip():
        return
    found = search(kk, query)
    if found.terms:
        st.caption("Gezocht op: " + md(explain(found.terms)))
    if found.factors:
        names = [f.name for f in found.factors]
        st.caption(
            f"Ook gevonden via {plural(len(names), 'factor', 'factoren')}: "
            + md("; ".join(names[:6]) + (" …" if len(names) > 6 else ""))
        )
