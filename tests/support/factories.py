"""Made-up catalogues for rule tests: a factor, an intervention, the help levels and a tiny
``Kenniskaart`` holding exactly the items a rule is about."""

from __future__ import annotations

from kenniskaart.content import Kenniskaart
from kenniskaart.models import Factor, FactorLink, HelpLevel, Intervention, Recognition, SourceRef

SRC = [SourceRef(source="s", section="x")]


def make_factor(fid: str, name: str | None = None, framework: str = "beke_kennissynthese", *, kind: str = "risico",
                level: str = "individu", nature: str = "dynamisch", evidence: str = "gefundeerd", twins=()) -> Factor:
    """A made-up factor; its name is the id in capitals unless given."""
    return Factor(id=fid, name=name or fid.upper(), kind=kind, level=level, framework=framework, nature=nature,
                  evidence=evidence, twins=list(twins), sources=SRC)


def make_intervention(iid: str, links=(), *, name: str | None = None, themes=(), rec: Recognition | str | None = None,
                      lo: int | None = None, hi: int | None = None, purpose: str = "jeugdinterventie", levels=(),
                      help_levels=(), cautions=(), **fields) -> Intervention:
    """A made-up intervention. ``links``: {factor id: basis}, or factor ids (basis 'bron');
    ``themes``: praktijkscan themes; ``rec``: a Recognition or just its level."""
    pairs = links.items() if isinstance(links, dict) else ((f, "bron") for f in links)
    if isinstance(rec, str):
        rec = Recognition(level=rec, sources=SRC)
    return Intervention(
        id=iid, name=name or iid.upper(), kind="interventie", purpose=purpose, description="d", min_age=lo,
        max_age=hi, levels=list(levels), help_levels=list(help_levels), recognition=rec,
        factors=[FactorLink(factor=f, basis=b) for f, b in pairs], praktijkscan_themes=list(themes),
        cautions=list(cautions), sources=SRC, **fields,
    )


ERKEND = Recognition(level="effectief volgens eerste aanwijzingen", sources=SRC)


factor = make_factor


def iv(iid: str, links: dict[str, str], *, levels=("individu",), **kw) -> Intervention:
    """A made-up intervention for one young person (level 'individu' unless given)."""
    return make_intervention(iid, links, levels=levels, **kw)


HELP = tuple(
    HelpLevel(id=h, name=n, order=o, description="d", sources=SRC)
    for h, n, o in (("hulp-positief", "Positieve ondersteuning", 1), ("hulp-intensief", "Intensief", 2),
                    ("hulp-specialistisch", "Specialistisch", 3))
)


def kaart(factors, interventions, examples=()) -> Kenniskaart:
    return Kenniskaart(factors=tuple(factors), interventions=tuple(interventions), examples=tuple(examples),
                       help_levels=HELP)


def ids(recs) -> list[str]:
    return [r.intervention.id for r in recs]
