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

from .models import RECOGNISED_LEVELS, RECOGNITION_ORDER, Caution, Intervention, Recognition
from .present import ONBEKEND, PURPOSE_LABELS, recognition_text

HARM_KINDS = frozenset({"werkt_niet", "groepsinterventie", "voorlichting"})
"""Caution kinds that say something does not work or can harm."""


def is_recognised(iv: Intervention) -> bool:
    """Recognised ('erkend') per the main recognition statement, incl. source-stated ones."""
    return iv.recognition is not None and iv.recognition.level in RECOGNISED_LEVELS


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
        harms=tuple(c for c in iv.cautions if c.kind in HARM_KINDS),
        other_cautions=tuple(c for c in iv.cautions if c.kind not in HARM_KINDS),
    )


def for_young_person(iv: Intervention) -> bool:
    """Whether the item can be recommended for one young person: not a measure for the
    municipality, an instrument or a training, and not a universal programme for a whole class,
    school or neighbourhood (those are 'voor school of gemeente')."""
    return iv.purpose in ("jeugdinterventie", "aanpak") and iv.prevention != "universeel"


def organisation_reason(iv: Intervention) -> str:
    """Why an item is for a school or the municipality, not for one young person ('' if it is)."""
    if iv.purpose in ("maatregel", "instrument", "training"):
        return f"een {PURPOSE_LABELS[iv.purpose]}, geen interventie voor een jongere"
    if iv.prevention == "universeel":
        return "een universeel programma voor een hele klas, school of wijk, niet voor één jongere"
    return ""


def is_harmful(iv: Intervention) -> bool:
    """A source says it does not work or can harm (``werkt_niet``): never recommended."""
    return any(c.kind == "werkt_niet" for c in iv.cautions)


def effective_recognition(iv: Intervention, factor_ids: frozenset[str] | set[str]) -> Recognition | None:
    """The rating for the outcome that matters: a rating tied to outcome factors among
    ``factor_ids`` (the best such; MDFT for drug use: its rating for substance use), else the
    main recognition."""
    best = None
    for rec in (iv.recognition, *iv.other_recognitions):
        if rec is not None and rec.outcome_factors and factor_ids.intersection(rec.outcome_factors):
            if best is None or RECOGNITION_ORDER[rec.level] > RECOGNITION_ORDER[best.level]:
                best = rec
    return best or iv.recognition


def recognised_options(kk, factor_id: str) -> tuple[Intervention, ...]:
    """Recognised interventions for one young person that address a factor (or its twin), at any
    age: what the Aanbeveler can put in group 1 for it. Universal programmes, municipal measures,
    instruments, trainings and what does not work are not options for a young person."""
    twins = kk.twin_ids(factor_id)
    out = []
    for iv in kk.interventions_for_factor(factor_id):
        rec = effective_recognition(iv, twins)
        if for_young_person(iv) and not is_harmful(iv) and rec is not None and rec.level in RECOGNISED_LEVELS:
            out.append(iv)
    return tuple(sorted(out, key=lambda iv: iv.name.casefold()))
