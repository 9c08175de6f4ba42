"""The monitor's data: per indicator a nulmeting (value, date, source), a target, planned
measurement moments and later measurements; and the parsing of what a user types, with Dutch
messages (``MonitorInputError``). Pure: no Streamlit.

Numbers are typed as text ('12', '3,5', '1.250'): text, a formula or an empty field gives a Dutch
message, never a traceback. Free text is kept as plain text (``plain_text``): formula signs stay
as typed and every renderer escapes them (exports are Excel-safe)."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from ..plan_van_aanpak.model import _Strict, plain_text

MAX_NAME = 200
MAX_NOTE = 1000
MAX_TRACKED = 60
MAX_MEASUREMENTS = 60
MAX_VALUE = 1e12
OWN_PREFIX = "eigen-"
"""Id prefix of an indicator the municipality adds itself (not in the content)."""

Name = Annotated[str, StringConstraints(max_length=MAX_NAME)]
Note = Annotated[str, StringConstraints(max_length=MAX_NOTE)]
Value = Annotated[float, Field(ge=-MAX_VALUE, le=MAX_VALUE, allow_inf_nan=False)]


class MonitorInputError(ValueError):
    """What the user typed cannot be used; the message is Dutch and meant for the user."""


class Measurement(_Strict):
    date: dt.date
    value: Value
    note: Note = ""


class Tracked(_Strict):
    """One indicator the municipality follows."""

    indicator: Name
    """A content indicator id (``indicators`` or ``monitor_indicators``), or ``eigen-…``."""
    name: Name = ""
    """The name of an own indicator ('' for a content indicator: its name comes from the content)."""
    unit: Name = ""
    items: tuple[Name, ...] = Field(default=(), max_length=MAX_TRACKED)
    """The plan items (their labels) this indicator follows."""
    factors: tuple[Name, ...] = Field(default=(), max_length=MAX_TRACKED)
    baseline: Value | None = None
    baseline_date: dt.date | None = None
    baseline_source: Note = ""
    target: Value | None = None
    planned: tuple[dt.date, ...] = Field(default=(), max_length=MAX_MEASUREMENTS)
    measurements: tuple[Measurement, ...] = Field(default=(), max_length=MAX_MEASUREMENTS)

    @model_validator(mode="after")
    def _ordered(self):
        # measurements and planned moments in date order, whatever order they were added in
        if list(self.measurements) != sorted(self.measurements, key=lambda m: m.date):
            object.__setattr__(self, "measurements", tuple(sorted(self.measurements, key=lambda m: m.date)))
        if list(self.planned) != sorted(set(self.planned)):
            object.__setattr__(self, "planned", tuple(sorted(set(self.planned))))
        return self


class MonitorState(_Strict):
    """Everything the monitor holds (kept in the session and the werkmap)."""

    tracked: tuple[Tracked, ...] = Field(default=(), max_length=MAX_TRACKED)

    def get(self, indicator: str) -> Tracked | None:
        return next((t for t in self.tracked if t.indicator == indicator), None)

    def put(self, tracked: Tracked) -> MonitorState:
        """The state with ``tracked`` replacing the one with the same indicator (or added)."""
        rest = [t for t in self.tracked if t.indicator != tracked.indicator]
        if len(rest) >= MAX_TRACKED:
            raise MonitorInputError(f"De monitor volgt al {MAX_TRACKED} indicatoren; meer kan niet.")
        old = [t.indicator for t in self.tracked]
        out = list(self.tracked)
        if tracked.indicator in old:
            out[old.index(tracked.indicator)] = tracked
        else:
            out.append(tracked)
        return MonitorState(tracked=tuple(out))

    def drop(self, indicator: str) -> MonitorState:
        return MonitorState(tracked=tuple(t for t in self.tracked if t.indicator != indicator))


# --- what a user types ---------------------------------------------------------------------

_NUMBER = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$|^[+-]?\d+\.\d+$")


def parse_number(text: str, field: str = "de waarde") -> float:
    """'12' -> 12.0, '3,5' -> 3.5, '1.250' -> 1250.0, '1.250,5' -> 1250.5, '3.5' -> 3.5.
    Anything else (text, a formula, empty) raises ``MonitorInputError`` with a Dutch message."""
    raw = plain_text(text or "").strip().replace(" ", "").replace("\u00a0", "").rstrip("%")
    if not raw:
        raise MonitorInputError(f"Vul bij {field} een getal in.")
    shown = raw if len(raw) <= 30 else raw[:30] + "…"
    if raw.startswith(("=", "@")):
        raise MonitorInputError(f"Bij {field} staat een formule ('{shown}'); vul een getal in, bijvoorbeeld 12 of 3,5.")
    if not _NUMBER.match(raw):
        raise MonitorInputError(f"Bij {field} staat '{shown}': dat is geen getal. "
                                "Vul een getal in, bijvoorbeeld 12 of 3,5.")
    if "," in raw:
        value = float(raw.replace(".", "").replace(",", "."))
    elif re.match(r"^[+-]?\d{1,3}(\.\d{3})+$", raw):
        value = float(raw.replace(".", ""))  # '1.250': Dutch thousands
    else:
        value = float(raw)
    if not math.isfinite(value) or abs(value) > MAX_VALUE:
        raise MonitorInputError(f"Het getal bij {field} is te groot.")
    return value


def parse_optional_number(text: str, field: str) -> float | None:
    return None if not (text or "").strip() else parse_number(text, field)


def check_date(date: dt.date | None, today: dt.date, field: str) -> dt.date:
    """A measured date: given and not in the future."""
    if not isinstance(date, dt.date):
        raise MonitorInputError(f"Vul bij {field} een datum in.")
    if date > today:
        raise MonitorInputError(f"De datum van {field} ({date:%d-%m-%Y}) ligt in de toekomst; "
                                "een meting kan pas als zij gedaan is.")
    if date.year < 1990:
        raise MonitorInputError(f"De datum van {field} ({date:%d-%m-%Y}) is te ver terug.")
    return date


def clean_text(text: str, field: str, limit: int = MAX_NOTE) -> str:
    """Free text as plain text; longer than ``limit`` gives a Dutch message."""
    value = plain_text(text or "").strip()
    if len(value) > limit:
        raise MonitorInputError(f"De tekst bij {field} is te lang ({len(value):,} tekens; maximaal {limit:,})."
                                .replace(",", "."))
    return value


def parse_dates(text: str, field: str = "de geplande metingen") -> tuple[dt.date, ...]:
    """'1-6-2027; 1-12-2027' (or one per line) -> dates. A bad date gives a Dutch message."""
    out: list[dt.date] = []
    for part in re.split(r"[;\n]+", plain_text(text or "")):
        part = part.strip()
        if not part:
            continue
        m = re.match(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$", part)
        if m is None:
            shown = part if len(part) <= 30 else part[:30] + "…"
            raise MonitorInputError(f"Bij {field} staat '{shown}': schrijf een datum als 1-6-2027.")
        try:
            out.append(dt.date(int(m[3]), int(m[2]), int(m[1])))
        except ValueError:
            raise MonitorInputError(f"Bij {field} staat '{part}': die datum bestaat niet.") from None
    if len(out) > MAX_MEASUREMENTS:
        raise MonitorInputError(f"Bij {field} staan meer dan {MAX_MEASUREMENTS} datums.")
    return tuple(sorted(set(out)))


def number_text(value: float | None) -> str:
    """12.0 -> '12', 3.5 -> '3,5', None -> 'onbekend'."""
    if value is None:
        return "onbekend"
    if value == int(value):
        return str(int(value))
    return f"{value:.2f}".rstrip("0").replace(".", ",")


def date_text(date: dt.date | None) -> str:
    return f"{date:%d-%m-%Y}" if date is not None else "onbekend"


def parse_date(text: str, field: str, today: dt.date) -> dt.date:
    """One typed date ('1-6-2026'), not in the future (a nulmeting or a measurement is done)."""
    dates = parse_dates(text, field)
    if len(dates) != 1:
        raise MonitorInputError(f"Vul bij {field} één datum in, bijvoorbeeld {today:%d-%m-%Y}.")
    return check_date(dates[0], today, field)


def with_baseline(t: Tracked, value: str, date: str, source: str, target: str, unit: str, planned: str,
                  today: dt.date) -> Tracked:
    """The nulmeting form (all typed text) applied to ``t``; a Dutch ``MonitorInputError`` when
    something cannot be used (nothing changes then)."""
    baseline = parse_optional_number(value, "de nulmeting")
    when = parse_date(date, "de nulmeting", today) if baseline is not None or (date or "").strip() else None
    return t.model_copy(update={
        "baseline": baseline, "baseline_date": when,
        "baseline_source": clean_text(source, "de bron van de nulmeting"),
        "target": parse_optional_number(target, "het doel"),
        "unit": clean_text(unit, "de eenheid", MAX_NAME),
        "planned": parse_dates(planned),
    })


def with_measurement(t: Tracked, date: str, value: str, note: str, today: dt.date) -> Tracked:
    """A measurement added to ``t`` (typed text); a Dutch ``MonitorInputError`` when it cannot be used."""
    if len(t.measurements) >= MAX_MEASUREMENTS:
        raise MonitorInputError(f"Deze indicator heeft al {MAX_MEASUREMENTS} metingen.")
    m = Measurement(date=parse_date(date, "de meting", today), value=parse_number(value, "de meting"),
                    note=clean_text(note, "de notitie"))
    if t.baseline_date is not None and m.date < t.baseline_date:
        raise MonitorInputError(f"De meting ({m.date:%d-%m-%Y}) ligt vóór de nulmeting ({t.baseline_date:%d-%m-%Y}).")
    return Tracked.model_validate({**t.model_dump(), "measurements": (*t.measurements, m)})
