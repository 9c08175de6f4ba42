"""A risk profile as a user selects it, and the factors it names."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ..catalog import factor_choice_id
from ..content import Kenniskaart
from ..models import AGE_LIMITS, Case, Factor
from ..vocabulary import Offence, Setting


class Profile(BaseModel):
    """A risk profile as a user selects it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    age: int | None = Field(default=None, ge=AGE_LIMITS[0], le=AGE_LIMITS[1])
    """Age in years; None = not given (all ages, unknown ranges noted)."""
    risk_factors: tuple[str, ...] = ()
    protective_factors: tuple[str, ...] = ()
    """Protective factors to strengthen."""
    settings: tuple[Setting, ...] = ()
    need: str | None = None
    """Help level id; None = let the Aanbeveler suggest one."""
    offence: Offence | None = None
    """Responsivity: no offence, a first or repeated offences; None = not stated (then a
    programme 'na een delict' needs an offence factor in the profile)."""
    lvb: bool | None = None
    """A mild intellectual disability (IQ roughly 50-85); None = not stated."""
    parent: bool | None = None
    """A parent or carer who can take part; None = not stated."""


def profile_from_case(case: Case) -> Profile:
    """The profile of a ready-made casus."""
    return Profile(
        age=case.age,
        risk_factors=tuple(case.risk_factors),
        protective_factors=tuple(case.protective_factors),
        settings=tuple(case.settings),
        need=case.need,
        offence=case.offence,
        lvb=case.lvb,
        parent=case.parent,
    )


def selected_factors(kk: Kenniskaart, profile: Profile) -> list[Factor]:
    """The profile's factors that exist, risk first, without duplicates; of twins (the same
    factor in another framework) only the first, so twins count once."""
    by_id = kk.by_id("factors")
    out: list[Factor] = []
    seen: set[str] = set()
    for fid in (*profile.risk_factors, *profile.protective_factors):
        if fid in by_id and fid not in seen:
            out.append(by_id[fid])
            seen |= kk.twin_ids(fid)
    return out


def choice_profile(kk: Kenniskaart, profile: Profile) -> Profile:
    """The profile as the factor pickers show it: known factors only, each twin pair as the one
    choice the pickers offer (``catalog.factor_choice_id``)."""


    by_id = kk.by_id("factors")

    def ids(fids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(factor_choice_id(kk, f) for f in fids if f in by_id))

    return profile.model_copy(update={"risk_factors": ids(profile.risk_factors),
                                      "protective_factors": ids(profile.protective_factors)})
