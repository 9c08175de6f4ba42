"""Text for the page: escaping content for Markdown, definitions, web links and source lines.

Content text is rendered as Markdown only through ``md()``, which escapes Markdown and HTML
control characters, never as raw HTML.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote

import streamlit as st

from ..content import Kenniskaart
from ..models import SourceRef
from ..shortlist import readable_source

_MD_SPECIAL = "`*_{}[]()#+-.!|<>~$"
"""Markdown and HTML control characters; md() puts a backslash before each (and doubles a
backslash first). str.replace per character present: ~2.5x faster than one regular
expression and ~6x faster than str.translate for the content's texts."""


def md(text: str | None) -> str:
    """Escape Markdown and HTML control characters so content renders as plain text."""
    if not text:
        return ""
    text = str(text).replace("\\", "\\\\")
    for ch in _MD_SPECIAL:
        if ch in text:
            text = text.replace(ch, "\\" + ch)
    return text


def definitions(labels: dict[str, str], explained: dict[str, str]) -> str:
    """'**label** — explanation' paragraphs as Markdown, one per key of ``labels``."""
    return "\n\n".join(f"**{md(label)}** — {md(explained[key])}" for key, label in labels.items())


URL_SAFE = "/:?#[]@!$&'*+,;=%"
"""Characters a link's address keeps as they are (RFC 3986's reserved and unreserved ones, and '%'
of an address that is already encoded). Everything else is percent-encoded: parentheses (NJi's
'…-(MDFT)' pages: an unbalanced '(' in a Markdown link's address breaks the link and shows the
raw Markdown), spaces, '<', '>', quotes, backslashes and non-ASCII letters."""


def link_address(url: str) -> str:
    """A content URL as the address of a Markdown link: percent-encoded except ``URL_SAFE``, so
    the address never ends early and never carries Markdown or HTML."""
    return quote(url, safe=URL_SAFE)


def web_link(url: str) -> str:
    """A Markdown link for an http(s) URL from the content, or '' for any other scheme. The
    text is the URL escaped with ``md()`` (no Markdown, HTML or second link in it), the address
    is ``link_address(url)``: every URL, parentheses included, is one working link."""
    url = url.strip()
    if not url.lower().startswith(("https://", "http://")):
        return ""
    return f"[{md(url)}]({link_address(url)})"


def sources_line(kk: Kenniskaart, refs: Iterable[SourceRef], label: str = "Bron") -> str:
    """'**Bron:** <title> (<publisher>, <year>), <section> — <link>; …' as Markdown, '' without refs."""
    lines = []
    for ref in refs:
        line = md(readable_source(kk, ref))
        link = web_link(ref.url) if ref.url else ""
        lines.append(f"{line} — {link}" if link else line)
    return f"**{label}:** " + "; ".join(lines) if lines else ""


def show_sources(kk: Kenniskaart, refs: Iterable[SourceRef], label: str = "Bron") -> None:
    """A compact source list under an item."""
    line = sources_line(kk, refs, label)
    if line:
        st.caption(line)
