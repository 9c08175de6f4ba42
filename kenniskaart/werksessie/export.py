"""The Werksessie's downloads (pure: no Streamlit, no SQL): CSV and Excel that start with the
room's title, code, date and counts, then one row per marked risk factor, per scan indicator
and per thing the room already does. Every text cell is Excel-safe (``kenniskaart.exports``):
a title or entry such as ``=HYPERLINK(…)`` stays text, never a formula or a link."""

from __future__ import annotations

import csv
import datetime as dt
import io

from ..content import Kenniskaart
from ..exports import safe_cell, to_xlsx
from ..vocabulary import FACTOR_KIND_LABELS, INDICATOR_LEVEL_LABELS
from .room import ORG_TYPES, Room, RoomSummary, room_top_factors
from .scan import CHOICES, LEANS, indicators, lean

SCAN_COLUMNS: tuple[str, ...] = tuple(CHOICES.values())
EXPORT_COLUMNS: tuple[str, ...] = (
    "Onderdeel", "Soort", "Aangevinkt", "In top 3", *ORG_TYPES.values(), *SCAN_COLUMNS, "Neiging",
)


def export_header(room: Room, summary: RoomSummary, now: dt.datetime | None = None) -> list[tuple[str, object]]:
    """(label, value) lines the downloads start with: title, code, date, counts."""
    when = (now or dt.datetime.now(dt.UTC)).strftime("%d-%m-%Y")
    return [("Werksessie", room.title), ("Sessiecode", room.code), ("Datum", when),
            ("Aangemeld", summary.joined), ("Antwoorden", summary.answered)]


def export_rows(kk: Kenniskaart, summary: RoomSummary) -> list[dict[str, object]]:
    """Rows with Dutch column names (``EXPORT_COLUMNS``): the marked factors in ranking order
    (marks per org type), the scan's indicators (answers per step and where the room leans),
    then the catalogue items and own entries the room already does."""
    factors, ivs = kk.by_id("factors"), kk.by_id("interventions")
    rows: list[dict[str, object]] = []
    for fid in room_top_factors(summary, None):
        f = factors.get(fid)
        if f is None:
            continue
        row: dict[str, object] = {
            "Onderdeel": f.name, "Soort": FACTOR_KIND_LABELS[f.kind].capitalize(),
            "Aangevinkt": summary.factor_votes.get(fid, 0), "In top 3": summary.top_votes.get(fid, 0),
        }
        for org, label in ORG_TYPES.items():
            row[label] = summary.by_org.get(org, {}).get(fid, 0)
        rows.append(row)
    for ind in indicators(kk):
        counts = summary.scan.get(ind.id, {})
        row = {"Onderdeel": ind.name, "Soort": f"Samen Weerbaar-scan: {INDICATOR_LEVEL_LABELS[ind.level].lower()}"}
        row.update({label: counts.get(step, 0) for step, label in CHOICES.items()})
        side = lean(counts)
        row["Neiging"] = LEANS[side] if side else "nog geen antwoord"
        rows.append(row)
    for iid, count in summary.doing.items():
        if iid in ivs:
            rows.append({"Onderdeel": ivs[iid].name, "Soort": "Doen we al (catalogus)", "Aangevinkt": count})
    for text, count in summary.own:
        rows.append({"Onderdeel": text, "Soort": "Doen we al (eigen aanpak)", "Aangevinkt": count})
    return rows


def export_csv(kk: Kenniskaart, summary: RoomSummary, room: Room, now: dt.datetime | None = None) -> bytes:
    """CSV for Dutch Excel (UTF-8 with BOM, ';'): the header lines, an empty line, the table."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    for label, value in export_header(room, summary, now):
        writer.writerow([label, safe_cell(value)])
    writer.writerow([])
    writer.writerow([safe_cell(c) for c in EXPORT_COLUMNS])
    for row in export_rows(kk, summary):
        writer.writerow([safe_cell("" if row.get(c) is None else row.get(c)) for c in EXPORT_COLUMNS])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def export_xlsx(kk: Kenniskaart, summary: RoomSummary, room: Room, now: dt.datetime | None = None) -> bytes:
    """Excel: the header lines above the table (``exports.to_xlsx``: text cells, never formulas)."""
    header = export_header(room, summary, now)
    lines: list[dict[str, object]] = [{"Onderdeel": label, "Soort": value} for label, value in header]
    lines.append({})
    lines.append({c: c for c in EXPORT_COLUMNS})
    data = to_xlsx([*lines, *export_rows(kk, summary)], ("Onderdeel", "Soort", *EXPORT_COLUMNS[2:]), sheet="Werksessie")
    return _drop_first_row(data)


def _drop_first_row(data: bytes) -> bytes:
    """``to_xlsx`` writes the column names first; here they follow the header lines instead."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    ws = wb.active
    ws.delete_rows(1)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
