"""From the other pages to the plan van aanpak (pure): the Aanbeveler's package into the plan,
and what the plan keeps of a werksessie."""

from __future__ import annotations

from ..matcher import Result
from ..planscan import Plan
from ..werksessie.room import Room, RoomSummary
from .model import PlanInputs, RoomVotes


def with_package(plan: Plan, result: Result) -> Plan:
    """The plan with the Aanbeveler's package added (after what is already in it, each once)."""
    ids = list(plan.interventions)
    ids += [p.intervention.id for p in result.package if p.intervention.id not in ids]
    return plan.model_copy(update={"interventions": tuple(ids)})


def room_votes(room: Room, summary: RoomSummary) -> RoomVotes:
    """The room's title, answers per kind of organisation and marks per factor per kind."""
    votes: dict[str, dict[str, int]] = {}
    for org, marks in summary.by_org.items():
        for fid, n in marks.items():
            if n:
                votes.setdefault(fid, {})[org] = n
    return RoomVotes(title=room.title, orgs={o: n for o, n in summary.orgs.items() if n}, votes=votes)


def inputs_from_room(inputs: PlanInputs, room: Room, summary: RoomSummary) -> PlanInputs:
    """The municipality's fields with the room's votes and age range (the rest kept)."""
    return inputs.model_copy(update={"room": room_votes(room, summary), "age_min": room.age_min,
                                     "age_max": room.age_max})
