"""The signals of an intervention card: the recognition statements as the card shows them, and
its cautions split into 'does not work or may harm' (strongest first) and the rest (in their
order). Written out by hand on a made-up intervention."""

from __future__ import annotations

from kenniskaart.models import Caution, Recognition
from kenniskaart.signals import signals
from support.factories import SRC, make_intervention


def _caution(kind: str) -> Caution:
    return Caution(kind=kind, text=kind, sources=SRC)


def test_harms_come_apart_strongest_first_and_the_other_cautions_keep_their_order():
    kinds = ["toelating", "voorlichting", "erkenning", "kan_schaden", "doelgroep", "niet_aangetoond"]
    sig = signals(make_intervention("x", cautions=[_caution(k) for k in kinds]))
    assert [c.kind for c in sig.harms] == ["kan_schaden", "niet_aangetoond", "voorlichting"]
    assert [c.kind for c in sig.other_cautions] == ["toelating", "erkenning", "doelgroep"]


def test_every_recognition_statement_is_shown_main_first():
    main = Recognition(level="effectief volgens eerste aanwijzingen", sources=SRC)
    other = [Recognition(level="goed onderbouwd", sources=SRC), Recognition(level="niet erkend", sources=SRC)]
    sig = signals(make_intervention("x", rec=main, other_recognitions=other))
    assert sig.evidence.startswith("effectief volgens eerste aanwijzingen")
    assert len(sig.evidence_other) == 2
    assert sig.evidence_other[0].startswith("goed onderbouwd") and sig.evidence_other[1].startswith("niet erkend")
    assert signals(make_intervention("y")).evidence_other == ()
