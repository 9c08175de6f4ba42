"""How the UI caches what it derives from the content: one way, for every page.

The content never changes while the process runs, so a table, a chart spec or the Aanbeveler's
verdict derived from it is computed once per process and shared read-only by every session
(``st.cache_resource``: a hit is the object itself, not an unpickled copy). A function decorated
with :func:`content_cache` takes the ``Kenniskaart`` as an ordinary argument: Streamlit's
``hash_funcs`` key it by its content folder (``content_dir()``, the folder it was loaded from),
and a ``Profile`` or ``Plan`` by its JSON. Lists of ids go into the key as one string
(:func:`ids_key`).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from typing import Any

import streamlit as st

from ..aanbeveler import Profile
from ..content import Kenniskaart, content_dir, load_content
from ..planscan import Plan


def content_key(kk: Kenniskaart) -> str:
    """The cache key of the content: the folder it is loaded from (one content per folder per
    process, see :func:`loaded_content`)."""
    del kk
    return str(content_dir())


def _json(model: Profile | Plan) -> str:
    return model.model_dump_json()


HASH_FUNCS: dict[type | str, Callable[[Any], Any]] = {Kenniskaart: content_key, Profile: _json, Plan: _json}


def content_cache(max_entries: int) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``st.cache_resource`` for a value derived from the content: one cache per process,
    at most ``max_entries`` values (the least recently used goes first), keyed by the
    arguments with the content, profiles and plans hashed as above (``HASH_FUNCS``)."""
    return st.cache_resource(max_entries=max_entries, show_spinner=False, hash_funcs=HASH_FUNCS)


@st.cache_resource(show_spinner="Kenniskaart laden…")
def _load(path: str) -> Kenniskaart:
    kk = load_content(path)
    # The content is read-only and lives as long as the process: move it (and the imported
    # modules) out of the garbage collector's generations so collections stop walking it.
    gc.collect()
    gc.freeze()
    return kk


def loaded_content() -> Kenniskaart:
    """The validated content of ``content_dir()``, loaded once per process (``ContentInvalid``
    when it is not valid; not cached then)."""
    return _load(str(content_dir()))


_SEP = "\x1f"


def ids_key(ids: Iterable[str]) -> str:
    """Ids joined into one cache key: Streamlit hashes one string ~40× faster than a tuple of
    strings (~0,4 ms for the 140 ids of the catalogue)."""
    return _SEP.join(ids)


def key_ids(key: str) -> list[str]:
    """The ids of an ``ids_key``."""
    return [i for i in key.split(_SEP) if i]
