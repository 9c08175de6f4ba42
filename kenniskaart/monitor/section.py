"""The plan van aanpak's monitoring section (``plan_van_aanpak.assemble``): the suggested
indicators per factor and plan item, the followed indicators with their figures (the same
``figure_rows`` the page shows), the bijsturen list, the unintended effects to watch and where the
figures come from. Pure: no Streamlit."""

from __future__ import annotations

import datetime as dt

from ..content import Kenniskaart
from ..models import Factor
from ..plan_van_aanpak.model import Block, Bullets, Heading, Notice, Paragraph, Table
from ..planscan import PlanItem, item_label
from ..vocabulary import SIGNAL_LABELS
from .model import MonitorState
from .steer import FIGURE_COLUMNS, bijsturen, figure_rows, tracked_name
from .suggest import indicator_views, suggest

PAGE_HINT = "Kies indicatoren en vul de nulmeting in op de pagina Nulmeting en monitor."


def monitor_blocks(kk: Kenniskaart, factors: list[Factor], items: list[PlanItem], state: MonitorState,
                   today: dt.date) -> list[Block]:
    views = indicator_views(kk)
    s = suggest(kk, factors, items)
    blocks: list[Block] = [Heading("Voorgestelde indicatoren")]
    rows = [(f"factor: {name}", "; ".join(v.name for v in vs) or "geen") for name, vs in s.by_factor.items()]
    rows += [(f"planonderdeel: {label}", "; ".join(v.name for v in vs) or "geen") for label, vs in s.by_item.items()]
    blocks.append(Table(("Factor of planonderdeel", "Indicatoren die erbij passen"), tuple(rows)) if rows
                  else Paragraph("Nog geen factoren of planonderdelen: dan valt er nog niets voor te stellen."))
    blocks.append(Heading("Nulmeting, doelen en metingen"))
    if state.tracked:
        blocks.append(Table(FIGURE_COLUMNS, tuple(figure_rows(kk, state))))
    else:
        blocks.append(Paragraph("Nog geen indicatoren gekozen. " + PAGE_HINT))
    blocks.append(Heading("Bijsturen"))
    signals = bijsturen(kk, state, [item_label(i) for i in items], today)
    blocks += [Notice(f"{SIGNAL_LABELS[x.kind]}: {x.subject}: {x.text}") for x in signals] or [
        Paragraph("Op dit moment is er niets om op bij te sturen.")]
    followed = [views[t.indicator] for t in state.tracked if t.indicator in views]
    watch = [f"{v.name}: {v.watch}" for v in followed if v.watch]
    if watch:
        blocks += [Heading("Onbedoelde of averechtse effecten om op te letten"), Bullets(tuple(watch))]
    where = [(v.name, "; ".join(n for n, _ in v.where), "; ".join(u for _, u in v.where if u) or "onbekend")
             for v in followed]
    own = [(tracked_name(kk, t), "eigen indicator van de gemeente", "onbekend")
           for t in state.tracked if t.indicator not in views]
    if where or own:
        blocks += [Heading("Waar de gemeente de cijfers vindt"),
                   Table(("Indicator", "Bron", "Adres"), tuple(where + own))]
    return blocks
