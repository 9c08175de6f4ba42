"""The plan van aanpak (CCV les 1, seed 001): assembled from the profile, the Aanbeveler's
result, the Planscan and the municipality's own fields; rendered on the page, as Word
(``docx.plan_docx``) and as printable HTML (``printable.plan_html``). No Streamlit.

- ``model``: ``PlanInputs`` (what only the municipality knows), ``RoomVotes``, the document.
- ``assemble``: ``assemble()``, the document section by section.
- ``prefill``: the pre-filled texts (age range, wegingskader, partners).
- ``sporen``: which plan items serve which spoor.
- ``handoff``: the Aanbeveler's package and a werksessie into the plan.
"""

from .assemble import assemble
from .model import PlanDocument, PlanInputs, RoomVotes
from .prefill import default_partners, default_weighing, plan_ages, profile_factors

__all__ = [
    "PlanDocument", "PlanInputs", "RoomVotes", "assemble", "default_partners", "default_weighing", "plan_ages",
    "profile_factors",
]
