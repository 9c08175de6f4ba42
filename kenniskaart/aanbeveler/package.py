"""The package: a small, coherent set from the ranked list."""

from __future__ import annotations

from ..models import Factor
from .profile import Profile
from .result import PackageItem, Recommendation
from .rules import CONFIRMABLE_ONLY_ON_THE_SPOT, PACKAGE_SIZE, RULES


def build_package(
    ranked: list[Recommendation], dynamic: dict[str, Factor], profile: Profile, offence: bool = False,
) -> tuple[list[PackageItem], list[Factor]]:
    """≤ PACKAGE_SIZE items: a programme for the offence itself when the profile names one; then
    the recognised ones per factor, lightest fitting level of help first; then family (also when a
    parent takes part) and community; then the rest. Nothing that can harm or had no effect (those
    are excluded before), no awareness lessons and nothing without proven effect (``harm_kinds``)."""
    uncovered = set(dynamic)
    chosen: list[PackageItem] = []
    used: set[str] = set()

    def take(rec: Recommendation, why: str) -> None:
        chosen.append(PackageItem(rec, why))
        used.add(rec.intervention.id)
        uncovered.difference_update(f.id for f in rec.factors)

    fids = {r.intervention.id: frozenset(f.id for f in r.factors) for r in ranked}

    def best_of(pool: list[Recommendation], need_gain: bool, level: str | None = None,
                offence_only: bool = False) -> Recommendation | None:
        """With an LVB an LVB programme first; then one at the needed level of help (zo licht als
        mogelijk, zo zwaar als nodig); then the item covering most uncovered factors; pools are in
        rank order, so the first wins ties."""
        options = []
        for pos, r in enumerate(pool):
            iid = r.intervention.id
            if iid in used or (level is not None and level not in r.intervention.levels):
                continue
            if offence_only and not r.for_offence:
                continue
            gain = len(fids[iid] & uncovered)
            if need_gain and gain == 0:
                continue
            off_level = r.help_distance not in (0, None)
            options.append((not r.lvb_adapted, off_level, -gain, pos))
        return pool[min(options)[-1]] if options else None

    def greedy(pool: list[Recommendation], why: str) -> None:
        while uncovered and len(chosen) < PACKAGE_SIZE:
            best = best_of(pool, need_gain=True)
            if best is None:
                return
            names = ", ".join(f.name for f in best.factors if f.id in uncovered)
            take(best, why.format(names=names))

    def safe(r: Recommendation) -> bool:
        return (not any(c.kind in RULES["harm_kinds"] for c in r.intervention.cautions)
                and not any(q in r.intervention.requires for q in CONFIRMABLE_ONLY_ON_THE_SPOT))

    tier1 = [r for r in ranked if r.tier == 1 and safe(r)]
    tier2 = [r for r in ranked if r.tier == 2 and safe(r)]
    def for_offence(pool: list[Recommendation], kind: str) -> None:
        if offence and len(chosen) < PACKAGE_SIZE and not any(p.rec.for_offence for p in chosen):
            best = best_of(pool, need_gain=False, offence_only=True)
            if best is not None:
                take(best, "Het delict zelf is een behoefte: dit programma richt zich op het voorkomen van "
                     f"herhaling ({kind}).")

    for_offence(tier1, "erkend")
    greedy(tier1, "Erkend en passend voor: {names}.")
    for_offence(tier2, "niet erkend (veelbelovend / praktijk): geen erkend programma past")
    for level, label in (("gezin", "het gezin"), ("gemeenschap", "de gemeenschap")):
        if len(chosen) >= PACKAGE_SIZE or any(level in p.intervention.levels for p in chosen):
            continue
        parent = level == "gezin" and profile.parent is True
        if not parent and not any(f.level == level for f in dynamic.values()):
            continue
        for pool in (tier1, tier2):
            best = best_of(pool, need_gain=False, level=level)
            if best is not None:
                kind = "erkend" if best.tier == 1 else "niet erkend (veelbelovend / praktijk)"
                extra = " en een ouder doet mee" if parent else ""
                take(best, f"Werkt op het niveau van {label} ({kind}){extra}, zodat het pakket niet alleen op de "
                     "jongere zelf ligt.")
                break
    greedy(tier2, "Geen erkende interventie dekt dit; veelbelovend / praktijk voor: {names}.")
    return chosen, [dynamic[f] for f in dynamic if f in uncovered]
