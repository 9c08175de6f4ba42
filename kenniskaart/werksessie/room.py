"""Werksessie room logic (pure: no Streamlit, no SQL).

A room collects anonymous answers: an organisation type, the risk factors a participant sees in
the municipality, their top three, the Samen Weerbaar-scan (``scan``: each indicator on an axis
from protective to risky) and what their organisation already does (catalogue intervention ids
or short own entries). ``summarise`` counts them; ``room_top_factors`` ranks factors;
``to_profile`` / ``to_plan`` turn the result into the objects the Aanbeveler and the Planscan
use. The downloads are ``werksessie.export``'s.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..aanbeveler import Profile
from ..catalog import factor_choice_id
from ..content import Kenniskaart
from ..models import AGE_LIMITS
from ..planscan import OwnEntry, Plan
from .errors import (  # noqa: F401 - the errors are part of the room's interface
    NotAllowed,
    RoomClosed,
    RoomExpired,
    RoomNotFound,
    StorageUnavailable,
    WerksessieError,
)
from .scan import leaning, tally, validate_scan

ORG_TYPES: dict[str, str] = {
    "gemeente": "Gemeente",
    "politie": "Politie",
    "onderwijs": "Onderwijs",
    "jeugdzorg": "Jeugdzorg / wijkteam",
    "jongerenwerk": "Jongerenwerk",
    "anders": "Andere organisatie",
}

MAX_TOP = 3
MAX_OWN = 5
MAX_OWN_CHARS = 80
MAX_DOING = 30
MAX_TITLE_CHARS = 80
DEFAULT_AGE_MIN, DEFAULT_AGE_MAX = 12, 18

_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


# --- values ----------------------------------------------------------------------------------


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Room:
    code: str
    title: str
    created_at: dt.datetime
    expires_at: dt.datetime
    closed_at: dt.datetime | None = None
    age_min: int = DEFAULT_AGE_MIN
    age_max: int = DEFAULT_AGE_MAX

    def is_open(self, now: dt.datetime | None = None) -> bool:
        """Not closed and not expired (``now`` defaults to the current UTC time)."""
        return self.closed_at is None and (now or utcnow()) < self.expires_at

    def is_expired(self, now: dt.datetime | None = None) -> bool:
        return (now or utcnow()) >= self.expires_at


@dataclass(frozen=True)
class Answer:
    org_type: str
    factors: tuple[str, ...] = ()
    top: tuple[str, ...] = ()
    doing: tuple[str, ...] = ()
    own: tuple[str, ...] = ()
    scan: tuple[tuple[str, int], ...] = ()
    """(indicator id, step): 1 beschermend … 5 risicovol, 0 weet ik niet (``werksessie.scan``)."""
    updated_at: dt.datetime | None = None
    """Set by the store when saved; None for an answer that was only validated."""


@dataclass(frozen=True)
class RoomSummary:
    joined: int
    answered: int
    factor_votes: dict[str, int] = field(default_factory=dict)
    """Factor id -> number of participants who marked it."""
    top_votes: dict[str, int] = field(default_factory=dict)
    """Factor id -> number of participants who put it in their top three."""
    by_org: dict[str, dict[str, int]] = field(default_factory=dict)
    """Org type -> factor id -> marks by participants of that org type."""
    doing: dict[str, int] = field(default_factory=dict)
    """Intervention id -> number of participants whose organisation does it."""
    own: list[tuple[str, int]] = field(default_factory=list)
    """Own entries (first spelling seen) with their count; most named first."""
    orgs: dict[str, int] = field(default_factory=dict)
    """Org type -> number of answers from that org type."""
    scan: dict[str, dict[int, int]] = field(default_factory=dict)
    """Indicator id -> axis step (0 = weet ik niet) -> number of participants."""
    factor_names: dict[str, str] = field(default_factory=dict, repr=False)
    """Factor id -> name, for the ranking's tie-break."""


# --- validation ------------------------------------------------------------------------------


def fit_title(value: str) -> tuple[str, str | None]:
    """A room title that fits: (title, notice). Too long: cut at a word boundary to at most
    ``MAX_TITLE_CHARS`` with '…' and a Dutch notice saying so; empty: 'Werksessie' (no notice:
    nothing was typed). Control characters are refused (``clean_text``)."""
    text = clean_text(value, "Titel", 10_000)
    if not text:
        return "Werksessie", None
    if len(text) <= MAX_TITLE_CHARS:
        return text, None
    cut = text[: MAX_TITLE_CHARS - 1].rsplit(" ", 1)[0].rstrip(" ,;:-") or text[: MAX_TITLE_CHARS - 1]
    return cut + "…", (f"De titel was {len(text)} tekens; een titel mag er hoogstens {MAX_TITLE_CHARS} "
                       f"hebben. Hij is ingekort tot: {cut}…")


def clean_text(value: object, what: str, max_chars: int) -> str:
    """Stripped plain text without control characters, at most ``max_chars``; else an error naming ``what``."""
    if not isinstance(value, str):
        raise WerksessieError(f"{what}: dit is geen tekst.")
    if _has_controls(value.strip()):
        raise WerksessieError(f"{what}: de tekst bevat onzichtbare of stuurtekens; typ hem opnieuw.")
    text = " ".join(unicodedata.normalize("NFC", value).split())
    if len(text) > max_chars:
        raise WerksessieError(f"{what}: maximaal {max_chars} tekens (nu {len(text)}).")
    return text


def _has_controls(text: str) -> bool:
    return any(unicodedata.category(c) == "Cc" or c in _BIDI_CONTROLS for c in text)


def _ids(values: Iterable[object], pool: dict, what: str, limit: int) -> tuple[str, ...]:
    if isinstance(values, (str, bytes)):
        raise WerksessieError(f"{what}: verwacht een lijst.")
    out: list[str] = []
    for v in values:
        if not isinstance(v, str) or v not in pool:
            raise WerksessieError(f"{what}: onbekende keuze {str(v)[:40]!r}.")
        if v not in out:
            out.append(v)
        if len(out) > limit:
            raise WerksessieError(f"{what}: maximaal {limit} keuzes.")
    return tuple(out)


def validate_answer(
    kk: Kenniskaart,
    org_type: str,
    factors: Iterable[str],
    top: Iterable[str] = (),
    doing: Iterable[str] = (),
    own: Iterable[str] = (),
    scan: Mapping[str, int] | Iterable[tuple[str, int]] = (),
) -> Answer:
    """A checked ``Answer`` or ``WerksessieError`` naming the field in Dutch.

    Factor and intervention ids must exist in the content, factors must be risk factors (the
    protective side is the scan's); duplicates are dropped (first order kept). ``scan``: see
    ``werksessie.scan.validate_scan``. ``top`` must be a subset of ``factors`` with at most three. Own entries are
    whitespace-normalised plain text (empty ones dropped, duplicates ignoring case dropped),
    at most five of at most 80 characters, without control characters.
    """
    if not isinstance(org_type, str) or org_type not in ORG_TYPES:
        raise WerksessieError("Organisatie: kies een van de soorten organisatie.")
    f_ids = _ids(factors, kk.by_id("factors"), "Risico's", len(kk.factors))
    if any(kk.by_id("factors")[f].kind != "risico" for f in f_ids):
        raise WerksessieError("Risico's: kies alleen risicofactoren; beschermende factoren staan in de scan.")
    top_ids = _ids(top, kk.by_id("factors"), "Top 3", len(kk.factors))
    if len(top_ids) > MAX_TOP:
        raise WerksessieError(f"Top 3: kies er hoogstens {MAX_TOP} (nu {len(top_ids)}).")
    missing = [t for t in top_ids if t not in f_ids]
    if missing:
        raise WerksessieError("Top 3: kies alleen factoren die u ook hebt aangevinkt.")
    doing_ids = _ids(doing, kk.by_id("interventions"), "Wat we al doen", MAX_DOING)
    if isinstance(own, (str, bytes)):
        raise WerksessieError("Eigen aanpak: verwacht een lijst.")
    own_out: list[str] = []
    for n, raw in enumerate(own, start=1):
        text = clean_text(raw, f"Eigen aanpak (regel {n})", MAX_OWN_CHARS)
        if text and text.casefold() not in {o.casefold() for o in own_out}:
            own_out.append(text)
        if len(own_out) > MAX_OWN:
            raise WerksessieError(f"Eigen aanpak: hoogstens {MAX_OWN} regels.")
    return Answer(org_type, f_ids, top_ids, doing_ids, tuple(own_out), validate_scan(kk, scan))


def validate_ages(age_min: int, age_max: int) -> tuple[int, int]:
    """Whole ages within the Aanbeveler's range, min ≤ max; else WerksessieError."""
    lo, hi = AGE_LIMITS
    if not all(isinstance(a, int) and not isinstance(a, bool) for a in (age_min, age_max)):
        raise WerksessieError("Leeftijd: geef hele jaren.")
    if not lo <= age_min <= age_max <= hi:
        raise WerksessieError(f"Leeftijd: kies een bereik tussen {lo} en {hi} jaar, van laag naar hoog.")
    return age_min, age_max


# --- counting and ranking --------------------------------------------------------------------


def summarise(kk: Kenniskaart, answers: Iterable[Answer], joined: int) -> RoomSummary:
    """Count the answers. Ids no longer in the content (content changed) are ignored;
    ``joined`` is raised to the number of answers when it is lower (read a moment earlier)."""
    factors, ivs = kk.by_id("factors"), kk.by_id("interventions")
    marks: Counter[str] = Counter()
    tops: Counter[str] = Counter()
    doing: Counter[str] = Counter()
    by_org: dict[str, Counter[str]] = {}
    orgs: Counter[str] = Counter()
    own: dict[str, list] = {}  # casefold -> [first spelling, n]
    scans: list[tuple[tuple[str, int], ...]] = []
    n = 0
    for a in answers:
        n += 1
        scans.append(a.scan)
        orgs[a.org_type] += 1
        seen = [f for f in dict.fromkeys(a.factors) if f in factors]
        marks.update(seen)
        by_org.setdefault(a.org_type, Counter()).update(seen)
        tops.update(f for f in dict.fromkeys(a.top) if f in factors)
        doing.update(i for i in dict.fromkeys(a.doing) if i in ivs)
        for text in {o.casefold(): o for o in a.own}.values():
            own.setdefault(text.casefold(), [text, 0])[1] += 1
    own_list = sorted(((t, c) for t, c in own.values()), key=lambda tc: (-tc[1], tc[0].casefold()))
    return RoomSummary(
        joined=max(joined, n),
        answered=n,
        factor_votes=dict(marks),
        top_votes=dict(tops),
        by_org={o: dict(c) for o, c in by_org.items()},
        doing=dict(sorted(doing.items(), key=lambda kv: (-kv[1], ivs[kv[0]].name.casefold()))),
        own=own_list,
        orgs=dict(orgs),
        scan=tally(kk, scans),
        factor_names={f: factors[f].name for f in marks},
    )


def room_top_factors(summary: RoomSummary, n: int | None = 5) -> list[str]:
    """Factor ids with at least one mark, ranked: most top-3 votes first, then most marks,
    then name (case-insensitive), then id. ``n=None`` gives all."""
    names = summary.factor_names
    ranked = sorted(
        (f for f, v in summary.factor_votes.items() if v > 0),
        key=lambda f: (-summary.top_votes.get(f, 0), -summary.factor_votes[f], (names.get(f) or f).casefold(), f),
    )
    return ranked if n is None else ranked[:n]


# --- into the Aanbeveler and the Planscan ----------------------------------------------------


def profile_age(age_min: int, age_max: int) -> int:
    """The one age the Aanbeveler's profile takes for a room's age range: its middle (rounded down)."""
    lo, hi = validate_ages(age_min, age_max)
    return (lo + hi) // 2


def to_profile(kk: Kenniskaart, summary: RoomSummary, age_min: int = DEFAULT_AGE_MIN,
               age_max: int = DEFAULT_AGE_MAX) -> Profile:
    """An Aanbeveler profile of the room: as risk factors exactly the risk factors the room marked
    (in ranking order), then the risk factors of the scan's indicators that lean risky; as
    protective factors (strengths to build on) those of the indicators that lean protective.
    Twins count once (``factor_choice_id``). ``Profile`` takes one age, not a range: the middle
    of the range is used (see ``profile_age``)."""
    factors = kk.by_id("factors")
    voted = [f for f in room_top_factors(summary, None) if f in factors and factors[f].kind == "risico"]
    risky = [f for ind in leaning(kk, summary.scan, "risicovol") for f in ind.risk_factors]
    strong = [f for ind in leaning(kk, summary.scan, "beschermend") for f in ind.protective_factors]
    return Profile(
        age=profile_age(age_min, age_max),
        risk_factors=tuple(dict.fromkeys(factor_choice_id(kk, f) for f in [*voted, *risky])),
        protective_factors=tuple(dict.fromkeys(factor_choice_id(kk, f) for f in strong)),
    )


def to_plan(kk: Kenniskaart, summary: RoomSummary) -> Plan:
    """A Planscan plan of what the room already does: catalogue items (most named first) and
    the own entries as ``OwnEntry`` (name only: the room did not say which factors they address)."""
    ivs = kk.by_id("interventions")
    return Plan(
        interventions=tuple(i for i in summary.doing if i in ivs),
        own=tuple(OwnEntry(name=text) for text, _ in summary.own),
    )
