"""The workshop view: the interventions for a profile by strength of evidence × how many of its
dynamic factors they address (Aanbeveler, Factoren, presentation). Cached like the map."""

from __future__ import annotations

import streamlit as st

from .. import kaart
from ..aanbeveler import Profile
from ..charts import MAP_FONT, workshop_chart
from ..content import Kenniskaart
from ..vocabulary import STRENGTHS
from .cache import content_cache
from .kaart import offer_key, unkey


@content_cache(max_entries=256)
def _workshop_spec(kk: Kenniskaart, factor_ids: tuple[str, ...], font: int,
                   per_cell: int, only: str | None = None) -> tuple[dict | None, int]:
    df = kaart.workshop_frame(kk, factor_ids, unkey(only))
    if df.empty:
        return None, 0
    cells = kaart.workshop_cells(df, per_cell)
    return workshop_chart(cells, list(STRENGTHS), int(df["factoren"].max()), font=font).to_dict(), len(df)


def workshop_view(
    kk: Kenniskaart, factor_ids: list[str] | tuple[str, ...], key: str, table: str | None = "expander",
    font: int = MAP_FONT, per_cell: int = 3, profile: Profile | None = None,
) -> None:
    """Interventions by evidence strength × number of the profile's dynamic factors addressed;
    with a ``profile`` only what the Aanbeveler offers it. ``table``: the same interventions as
    a table in an expander ("expander"), right under the chart ("inline": inside an expander
    already), or not at all (None)."""
    ids = tuple(factor_ids)
    only = offer_key(kk, profile)
    spec, n = _workshop_spec(kk, ids, font, per_cell, only)
    if spec is None:
        st.info("Geen interventie pakt een dynamische factor van dit profiel aan.")
        return
    st.vega_lite_chart(
        spec, width="stretch", key=f"{key}_ws", theme=None,
        alt=f"{n} interventies naar sterkte van het bewijs en het aantal dynamische factoren van het profiel "
        "dat ze aanpakken.",
    )
    if table:
        df = kaart.workshop_frame(kk, ids, unkey(only)).drop(columns=["id", "erkend"])
        with st.expander("Als tabel (voor schermlezers)") if table == "expander" else st.container():
            st.dataframe(df, hide_index=True, width="stretch")
