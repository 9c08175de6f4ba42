"""The visual kenniskaart as graph data (pure, no Streamlit, no Altair).

Three columns, left to right: factors (grouped by kind and level) → praktijkscan intervention
themes → interventions. A link between a factor and an intervention is drawn through the
intervention's theme(s): factor → theme → intervention, with the provenance (``bron`` /
``thema`` / ``team``) of the link it carries, so weaker links can be drawn weaker. A theme's
own statement in the praktijkscan (seed 002 §3.1.1: "de interventies in dit thema richten
zich voornamelijk op …") adds a factor → theme edge of provenance ``thema``.

Selecting a node lights up what it is linked to: a factor its interventions and practice
examples (``Kenniskaart.interventions_for_factor`` / ``examples_for_factor``, twins
included), an intervention its factors. ``charts.kaart_chart`` draws the layout;
``kaart_table`` is the table alternative.

The package: ``strength``, ``links``, ``graph``, ``views``, ``workshop``.
"""

from .graph import (
    GAP_MARK,
    Edge,
    Graph,
    Highlight,
    Node,
    build_graph,
    edge_active,
    highlight,
)
from .links import (
    examples_for,
    factors_for,
    interventions_for,
    link_basis,
    themes_of,
    themes_stating,
)
from .strength import (
    NO_THEME,
    NO_THEME_LABEL,
    factor_strength,
    intervention_strength,
    recognition_short,
)
from .views import (
    ListEntry,
    describe,
    edge_frame,
    kaart_list,
    kaart_table,
    node_frame,
)
from .workshop import (
    workshop_cells,
    workshop_frame,
)

__all__ = [
    "GAP_MARK", "NO_THEME", "NO_THEME_LABEL", "Edge", "Graph", "Highlight", "ListEntry", "Node", "build_graph",
    "describe", "edge_active", "edge_frame", "examples_for", "factor_strength", "factors_for", "highlight",
    "intervention_strength", "interventions_for", "kaart_list", "kaart_table", "link_basis", "node_frame",
    "recognition_short", "themes_of", "themes_stating", "workshop_cells", "workshop_frame",
]
