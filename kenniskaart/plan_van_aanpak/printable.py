"""The plan van aanpak as a self-contained, printable HTML document (pure). Every text is
escaped with ``html.escape``: content and the municipality's text are never markup."""

from __future__ import annotations

from html import escape

from .model import Bullets, Heading, Notice, Paragraph, PlanDocument, Table, plain_text

FILE_NAME = "plan-van-aanpak.html"

_CSS = """
body { font-family: Arial, Helvetica, sans-serif; color: #1a1a2e; max-width: 52em; margin: 2em auto;
       line-height: 1.45; }
h1 { font-size: 1.6em; } h2 { font-size: 1.3em; margin-top: 1.6em; border-bottom: 1px solid #999; }
h3 { font-size: 1.05em; margin-bottom: .3em; } .meta, .guidance { color: #444; font-size: .9em; }
.guidance { font-style: italic; } .let-op { border-left: 4px solid #b45309; padding-left: .6em; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; } th, td { border: 1px solid #999;
padding: .25em .45em; text-align: left; vertical-align: top; white-space: pre-wrap; } th { background: #eee; }
@media print { body { margin: 0; max-width: none; } h2, h3 { break-after: avoid; } tr { break-inside: avoid; }
thead { display: table-header-group; } }
"""


def _e(text: str) -> str:
    return escape(plain_text(text))


def plan_html(plan: PlanDocument) -> str:
    out = ["<!doctype html>", '<html lang="nl"><head><meta charset="utf-8">',
           f"<title>{_e(plan.title)}</title>", f"<style>{_CSS}</style></head><body>",
           f"<h1>{_e(plan.title)}</h1>", f'<p class="meta">{_e(plan.meta)}</p>']
    for section in plan.sections:
        out.append(f"<h2>{_e(section.title)}</h2>")
        for block in section.blocks:
            if isinstance(block, Heading):
                out.append(f"<h3>{_e(block.text)}</h3>")
            elif isinstance(block, Paragraph):
                label = f"<strong>{_e(block.label)}:</strong> " if block.label else ""
                cls = ' class="guidance"' if block.guidance else ""
                out.append(f"<p{cls}>{label}{_e(block.text)}</p>")
            elif isinstance(block, Bullets):
                out.append("<ul>" + "".join(f"<li>{_e(i)}</li>" for i in block.items) + "</ul>")
            elif isinstance(block, Notice):
                out.append(f'<p class="let-op"><strong>Let op:</strong> {_e(block.text)}</p>')
            elif isinstance(block, Table):
                head = "".join(f"<th>{_e(c)}</th>" for c in block.columns)
                body = "".join("<tr>" + "".join(f"<td>{_e(v)}</td>" for v in row) + "</tr>" for row in block.rows)
                out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    out.append("</body></html>")
    return "\n".join(out)
