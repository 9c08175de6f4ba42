"""The three signals per intervention (kenniskaart.signals)."""

from kenniskaart.models import Intervention
from kenniskaart.signals import signals

BASE = dict(id="x", name="X", kind="interventie", purpose="jeugdinterventie", description="d",
            sources=[{"source": "s", "section": "1"}])
REC = {"level": "effectief volgens eerste aanwijzingen", "sources": [{"source": "s", "section": "1"}]}


def test_effect_never_unknown_next_to_an_effective_rating():
    sig = signals(Intervention.model_validate({**BASE, "recognition": REC}))
    assert "onbekend" not in sig.effect and "effectief volgens eerste aanwijzingen" in sig.effect


def test_effect_from_the_source_and_unknowns_named():
    sig = signals(Intervention.model_validate({**BASE, "effect": "Minder agressie (RCT)."}))
    assert sig.effect == "Minder agressie (RCT)."
    bare = signals(Intervention.model_validate(BASE))
    assert bare.effect == "onbekend" and bare.evidence == "onbekend"
    assert bare.implementation == "wie voert uit: onbekend · duur: onbekend · training of licentie: onbekend"
