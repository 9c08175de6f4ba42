"""The protocol load test at a size that fits the suite: 40 sessions walk the facilitator's path
at once against a real server (no browser), every one reaches the end of every step, none sees
an error. Correctness, not timing: the figures are printed by `python bench/load_protocol.py`
(see bench/README.md), which drives the same sessions (``support.protocol``).
"""

from __future__ import annotations

import asyncio

from support.protocol import ProtocolSession, check, do_step, walk_together
from support.server import AppServer
from support.walks import build_walk, shared_link_query

SESSIONS = 40


async def _warm_up(url: str, walk) -> None:
    """One session alone first (imports, the content cache), as bench/load_protocol.py does."""
    s = ProtocolSession(url, 0, 150)
    last = None
    try:
        for step in walk:
            last = await do_step(s, step, last, False)
            check(last, step)
    finally:
        await s.close()


def _run(coro):
    """asyncio.run in a thread of its own: the browser tests' sync Playwright keeps an event loop
    running in the main thread when they ran first in the same process."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def test_forty_protocol_sessions_walk_the_facilitator_path_without_errors():
    walk = build_walk("facilitator", shared_link_query())
    server = AppServer()
    try:
        _run(_warm_up(server.url, walk))
        results = _run(walk_together(server.url, walk, SESSIONS, step_timeout=150, timeout=170))
    finally:
        server.stop()
    errors = [r.error for r in results if r.error]
    assert errors == [], errors[:5]
    assert sum(1 for r in results if len(r.times) == len(walk)) == SESSIONS
    # every session reached script_finished on every step of the walk
    reached = {step.name: sum(1 for r in results if step.name in r.times) for step in walk}
    assert reached == dict.fromkeys(["start", "aanbeveler", "factor", "planscan", "preset"], SESSIONS)
