"""Exports: CSV, Markdown (pure, no Streamlit). Cells are made safe for Excel."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Neutralise text that Excel would read as a formula (prefix it with a quote): for CSV,
    which has no cell types. ``to_xlsx`` stores such text as a text cell instead."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def to_csv(rows: Iterable[Mapping[str, object]], columns: Sequence[str]) -> bytes:
    """CSV (UTF-8 with BOM so Excel reads accents, ';' separated as Dutch Excel expects)."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([safe_cell(c) for c in columns])
    for row in rows:
        writer.writerow([safe_cell("" if row.get(c) is None else row.get(c)) for c in columns])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def worksheet_rows(steps, answers: Mapping[str, str]) -> list[dict[str, object]]:
    """One row per guiding question with the workshop's answer.

    ``steps``: Guidance items of kind 'leidende_stap'; ``answers`` maps
    '<step id>/<question index>' to the answer text.
    """
    rows = []
    for step in steps:
        for i, question in enumerate(step.items):
            rows.append(
                {
                    "stap": step.order,
                    "titel": step.title,
                    "vraag": question,
                    "antwoord": answers.get(f"{step.id}/{i}", "").strip(),
                }
            )
    return rows


WORKSHEET_COLUMNS = ("stap", "titel", "vraag", "antwoord")


def worksheet_csv(steps, answers: Mapping[str, str]) -> bytes:
    return to_csv(worksheet_rows(steps, answers), WORKSHEET_COLUMNS)


def worksheet_markdown(steps, answers: Mapping[str, str], title: str = "Werkblad Samen weerbaar") -> str:
    lines = [f"# {title}", ""]
    for step in steps:
        lines += [f"## Stap {step.order}: {step.title}", ""]
        for i, question in enumerate(step.items):
            answer = answers.get(f"{step.id}/{i}", "").strip() or "_(nog niet ingevuld)_"
            lines += [f"**{question}**", "", answer, ""]
    return "\n".join(lines)


def dataframe_csv(df) -> bytes:
    """A pandas DataFrame as Excel-safe CSV (see ``to_csv``)."""
    return to_csv(df.to_dict("records"), [str(c) for c in df.columns])


def to_xlsx(rows: Iterable[Mapping[str, object]], columns: Sequence[str], sheet: str = "Kenniskaart") -> bytes:
    """An Excel workbook with one sheet; every text is a text cell, never a formula.

    Text is stored as it is, as a string cell (data type 's', written as an inline string), so
    Excel shows '=SOM(1)' exactly, without a visible quote, and evaluates nothing. Text that
    starts like a formula (``FORMULA_PREFIXES``) also gets Excel's own quotePrefix style, the
    hidden apostrophe Excel sets itself when one types '=...: it stays text when edited.
    (CSV has no cell types; ``to_csv`` prefixes such text with a visible quote instead.)
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    ws.append([str(c) for c in columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(["" if row.get(c) is None else row.get(c) for c in columns])
    for line in ws.iter_rows():
        for cell in line:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl makes '=...' a formula ('f') on assignment
                if cell.value.startswith(FORMULA_PREFIXES):
                    cell.quotePrefix = True
    for i, col in enumerate(columns, start=1):
        width = max([len(str(col))] + [len(str(c.value or "")) for c in ws[ws.cell(1, i).column_letter]])
        ws.column_dimensions[ws.cell(1, i).column_letter].width = min(60, width + 2)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def dataframe_xlsx(df, sheet: str = "Kenniskaart") -> bytes:
    return to_xlsx(df.to_dict("records"), [str(c) for c in df.columns], sheet)
