"""Nulmeting en monitor (CCV les 4, seed 001; Samen Weerbaar aanbeveling 5, seed 004): which
indicators fit a plan's factors and items, the municipality's baseline, target, planned and later
measurements, and the *bijsturen* list. Pure: no Streamlit.

- ``model``: ``MonitorState`` / ``Tracked`` / ``Measurement`` and parsing with Dutch messages.
- ``suggest``: one view of both indicator collections; suggestions per factor and plan item.
- ``steer``: the bijsturen list, the figures table, the export rows and the chart's data.
- ``section``: the monitoring section of the plan van aanpak.
"""

from .model import Measurement, MonitorInputError, MonitorState, Tracked
from .steer import Signal, bijsturen, figure_rows, measurement_rows
from .suggest import Suggestions, indicator_views, suggest

__all__ = ["Measurement", "MonitorInputError", "MonitorState", "Signal", "Suggestions", "Tracked", "bijsturen",
           "figure_rows", "indicator_views", "measurement_rows", "suggest"]
