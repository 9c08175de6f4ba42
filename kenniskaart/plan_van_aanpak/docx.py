"""The plan van aanpak as a Word file (python-docx): real headings (Heading 1/2/3, so Word's
navigation pane and table of contents work), real tables with a header row, and page numbers
('Pagina X van Y') in the footer. Municipal staff edit and submit plans in Word. Pure: no
Streamlit. Text goes in as text runs, never parsed: markup and formulas stay as typed."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from .model import Bullets, Heading, Notice, Paragraph, PlanDocument, Table, plain_text

MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FILE_NAME = "plan-van-aanpak.docx"
_GREY = RGBColor(0x44, 0x44, 0x44)
_AMBER = RGBColor(0x92, 0x40, 0x0E)


def _field(run, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) in ``run``: Word fills in the number."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        if kind is not None:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == instruction:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instruction} "
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)


def _page_numbers(doc) -> None:
    footer = doc.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Pagina ")
    _field(footer.add_run(), "PAGE")
    footer.add_run(" van ")
    _field(footer.add_run(), "NUMPAGES")


def _table(doc, table: Table) -> None:
    t = doc.add_table(rows=1, cols=len(table.columns))
    t.style = "Table Grid"
    for cell, name in zip(t.rows[0].cells, table.columns, strict=False):
        cell.text = ""
        cell.paragraphs[0].add_run(plain_text(name)).bold = True
    # the header row repeats on every page of a long table
    tr_pr = t.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
    for row in table.rows:
        cells = t.add_row().cells
        for cell, value in zip(cells, row, strict=False):
            cell.text = plain_text(value)
    doc.add_paragraph()


def plan_docx(plan: PlanDocument) -> bytes:
    """The plan as .docx bytes."""
    doc = Document()
    title = plain_text(plan.title)
    doc.core_properties.title = title if len(title) <= 255 else title[:254] + "…"  # Word's limit
    doc.core_properties.language = "nl-NL"
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10.5)
    _page_numbers(doc)
    doc.add_heading(plain_text(plan.title), level=0)
    meta = doc.add_paragraph().add_run(plain_text(plan.meta))
    meta.italic, meta.font.color.rgb = True, _GREY
    for section in plan.sections:
        doc.add_heading(plain_text(section.title), level=1)
        for block in section.blocks:
            if isinstance(block, Heading):
                doc.add_heading(plain_text(block.text), level=2)
            elif isinstance(block, Paragraph):
                p = doc.add_paragraph()
                if block.label:
                    p.add_run(plain_text(block.label) + ": ").bold = True
                run = p.add_run(plain_text(block.text))
                if block.guidance:
                    run.italic, run.font.color.rgb = True, _GREY
            elif isinstance(block, Bullets):
                for item in block.items:
                    doc.add_paragraph(plain_text(item), style="List Bullet")
            elif isinstance(block, Notice):
                p = doc.add_paragraph()
                p.add_run("Let op: ").bold = True
                p.add_run(plain_text(block.text)).font.color.rgb = _AMBER
            elif isinstance(block, Table):
                _table(doc, block)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
