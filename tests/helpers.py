"""Helpers shared by the tests: text normalisers for comparing with the source documents,
builders of made-up catalogues, and the files behind AppTest's download buttons."""

from __future__ import annotations

import csv
import html
import io
import re
import unicodedata

# --- text ------------------------------------------------------------------------------


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


# --- downloads in AppTest ----------------------------------------------------------------


class Downloads:
    """The files behind the download buttons of AppTest runs: use the ``downloads`` fixture,
    run the page, then ``downloads.data(at, label)`` gives the bytes a click would download
    (a deferred download's callable is run, as the server does on the click)."""

    def __init__(self):
        self.by_url: dict[str, bytes] = {}
        self.deferred: dict[str, object] = {}

    def install(self, monkeypatch) -> Downloads:
        from streamlit.runtime.media_file_manager import MediaFileManager
        from streamlit.testing.v1 import app_test

        record = self

        class Recording(MediaFileManager):
            def add(self, path_or_data, mimetype, coordinates, file_name=None, is_for_static_download=False):
                url = super().add(path_or_data, mimetype, coordinates, file_name, is_for_static_download)
                data = path_or_data.encode("utf-8") if isinstance(path_or_data, str) else bytes(path_or_data)
                record.by_url[url] = data
                return url

            def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kw):
                file_id = super().add_deferred(data_callable, mimetype, coordinates, file_name, **kw)
                record.deferred[file_id] = data_callable
                return file_id

        monkeypatch.setattr(app_test, "MediaFileManager", Recording)
        return self

    def data(self, at, label: str, nth: int = 0) -> bytes:
        """The file of the ``nth`` download button labelled ``label`` (in page order)."""
        buttons = [b.proto for b in at.get("download_button")]
        same = [p for p in buttons if p.label == label]
        assert len(same) > nth, f"no download button {label!r} #{nth}; there are {[p.label for p in buttons]}"
        proto = same[nth]
        if proto.HasField("deferred_file_id"):
            data = self.deferred[proto.deferred_file_id]()
            return data.encode("utf-8") if isinstance(data, str) else bytes(data)
        return self.by_url[proto.url]


def read_csv(data: bytes) -> list[dict[str, str]]:
    """A downloaded CSV as Dutch Excel reads it: UTF-8 with BOM, ';' separated."""
    assert data.startswith("\ufeff".encode("utf-8")), "CSV without BOM: Excel would garble accents"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def read_xlsx(data: bytes) -> list[dict[str, object]]:
    """A downloaded workbook's first sheet as rows (header row = keys), opened with openpyxl."""
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(data)).active
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    return [dict(zip(rows[0], r)) for r in rows[1:]]


