"""The three signals per intervention and its harm layer (no Streamlit).

As the best what-works toolkits show them (YEF Toolkit, College of Policing toolkit):

* **evidence**: recognition level, body, date, reassessment, and conflicting statements;
* **effect**: what a source reports;
* **implementation**: who delivers it, how long it takes, what training or licence it needs.

Plus **cautions**: what does not work or can harm, eligibility and recognition warnings.
"onbekend" only where no source says it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Caution, Intervention
from .rules import HARM_KINDS, harms_first
from .texts import ONBEKEND, recognition_text


@dataclass(frozen=True)
class Signals:
    evidence: str
    """Main recognition statement, e.g. 'effectief volgens eerste aanwijzingen (…), peildatum …'."""
    evidence_other: tuple[str, ...]
    """Other statements about recognition (conflicting sources), each with its body."""
    effect: str
    delivered_by: str
    duration: str
    training: str
    harms: tuple[Caution, ...]
    """Cautions that say it does not work or can harm."""
    other_cautions: tuple[Caution, ...]
    """Eligibility, target group, recognition and other cautions."""

    @property
    def implementation(self) -> str:
        """One line: who delivers it, how long, what training or licence."""
        return f"wie voert uit: {self.delivered_by} · duur: {self.duration} · training of licentie: {self.training}"


def effect_text(iv: Intervention) -> str:
    """The effect a source reports; without one, what an 'effectief volgens …' recognition
    says (never "onbekend" next to an effective rating); else 'onbekend'."""
    if iv.effect:
        return iv.effect
    if iv.recognition is not None and iv.recognition.level.startswith("effectief"):
        return f"geen effectcijfers in de bronnen; het erkenningsniveau zegt: {iv.recognition.level}"
    return ONBEKEND


def signals(iv: Intervention) -> Signals:
    """The three signals and the cautions of an intervention."""
    return Signals(
        evidence=recognition_text(iv.recognition),
        evidence_other=tuple(recognition_text(r) for r in iv.other_recognitions),
        effect=effect_text(iv),
        delivered_by=iv.delivered_by or ONBEKEND,
        duration=iv.duration or ONBEKEND,
        training=iv.training or ONBEKEND,
        harms=tuple(c for c in harms_first(iv.cautions) if c.kind in HARM_KINDS),
        other_cautions=tuple(c for c in iv.cautions if c.kind not in HARM_KINDS),
    )
