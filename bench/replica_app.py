"""The same-elements replica of the app (see bench/replica_pages.py): the same pages, and per page
and run exactly the element calls the real app made, with the same arguments, into the same
containers. None of the app's own work. Reads the recordings from $KK_REPLICA_DIR."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import streamlit as st


@st.cache_resource
def recordings() -> tuple[dict[str, dict[int, list]], tuple]:
    """Per page: run number -> calls, from the first recorded session of that page; and the
    navigation (pages, position)."""
    by_page: dict[str, dict[str, dict[int, list]]] = {}
    nav = None
    for f in sorted(Path(os.environ["KK_REPLICA_DIR"]).glob("*.pkl")):
        page, session, n = f.stem.split("__")
        data = pickle.loads(f.read_bytes())
        by_page.setdefault(page, {}).setdefault(session, {})[int(n)] = data["calls"]
        nav = nav or data["nav"]
    return {page: next(iter(sessions.values())) for page, sessions in by_page.items()}, nav


def replay(page: str) -> None:
    runs, _ = recordings()
    n = st.session_state["_replica_run"] = st.session_state.get("_replica_run", 0) + 1
    calls = runs.get(page, {}).get(n) or runs.get(page, {}).get(max(runs.get(page, {1: []})), [])
    dgs = {"main": st._main, "sidebar": st.sidebar}
    for target, name, varargs, params, out in calls:
        dg = dgs.get(target, st._main)
        if name == "page_link" and isinstance(params.get("page"), str):
            params = {**params, "page": PAGE_BY_SCRIPT.get(params["page"], params["page"])}
        result = getattr(dg, name)(*varargs, **params)
        if isinstance(out, str):
            dgs[out] = result
        elif isinstance(out, list):
            dgs.update(zip(out, result, strict=False))


st.set_page_config(page_title="Replica", layout="wide")
_, NAV = recordings()
PAGE_BY_SCRIPT: dict[str, st.Page] = {}
pages = []
for title, url_path, icon, default, visibility, script in NAV[0]:
    name = url_path or "start"
    page = st.Page(lambda name=name: replay(name), title=title, url_path=name, icon=icon, default=default,
                   visibility=visibility)
    pages.append(page)
    PAGE_BY_SCRIPT[str(Path(script).relative_to(Path(script).parent.parent))] = page
st.navigation(pages, position=NAV[1]).run()
