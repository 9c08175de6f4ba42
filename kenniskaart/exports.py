"""Exports: CSV, Markdown (pure, no Streamlit). Cells are made safe for Excel."""

from __future__ import annotations

import csv
import io
from typing import Iterable, Mapping, Sequence

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Neutralise text that Excel would read as a formula (prefix it with a quote)."""
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
