"""Text normalisers for comparing the content or a page with the source documents."""

from __future__ import annotations

import html
import re
import unicodedata


def compact(text: str) -> str:
    """Lower case letters and digits only (after HTML entities and <b>/<i> tags are undone):
    robust against the PDF conversion's line breaks, hyphenation and punctuation."""
    text = re.sub(r"</?[bi]>", "", html.unescape(text))
    text = unicodedata.normalize("NFC", text).lower()
    return "".join(ch for ch in text if ch.isalnum())


def norm(text: str, *, keep_hyphen: bool = False) -> str:
    """Lower case, one space between words: HTML tags and '*' emphasis removed, '&amp;' undone,
    curly quotes and en dashes made plain, '( x )' made '(x)', and a word hyphenated at a line
    end joined (``keep_hyphen``: keep its '-', for compounds such as 'jongeren-werk')."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.replace("*", "").replace("&amp;", "&")
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("–", "-")
    text = re.sub(r"-\s*\n\s*", "-" if keep_hyphen else "", text)
    text = text.replace("( ", "(").replace(" )", ")")
    return re.sub(r"\s+", " ", text).strip().lower()


def unescape_md(text: str) -> str:
    """Markdown with backslash escapes (``ui.text.md``) as the user reads it."""
    return re.sub(r"\\(.)", r"\1", text)
