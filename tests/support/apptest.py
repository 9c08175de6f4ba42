"""AppTest helpers: open a page through app.py, read the text a user reads, and the files
behind the download buttons."""

from __future__ import annotations

import csv
import io

from support.paths import ROOT


def open_page(path: str | None = None, params: dict[str, str] | None = None):
    """AppTest through app.py: set the URL's query parameters, open ``path``; no exception."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if path and path != "pages/start.py":
        at.switch_page(path)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def page_text(at) -> str:
    """All text a user reads on the page (titles, headers, markdown, notices, captions)."""
    parts = [t.value for t in at.title] + [h.value for h in at.header] + [s.value for s in at.subheader]
    parts += [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [i.value for i in at.info] + [w.value for w in at.warning] + [s.value for s in at.success]
    parts += [m.label for m in at.metric] + [p.proto.label for p in at.get("page_link")]
    return "\n".join(str(p) for p in parts)


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
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


