"""Werkmap online under load: 50 editors save the same plans at once (storage level, no browser).

    pg_virtualenv -t .venv/bin/python bench/load_werkmap_online.py        # SQLite, then PostgreSQL
    .venv/bin/python bench/load_werkmap_online.py --backend sqlite --editors 50 --plans 5 --rounds 10
    .venv/bin/python bench/load_werkmap_online.py --backend postgresql --pg-url postgresql+psycopg://…

``--plans`` online werkmaps are created with the app's own store; ``--editors`` editors share
them (editor k works in plan k mod plans: 10 people on one plan by default), spread over
``--processes`` app processes (default: 1 on SQLite, 2 on PostgreSQL), each a thread with the
process's one store, as the app has. Every round ALL editors save at the same moment (a barrier
across the processes): each opens the newest version, writes its own note on its own
intervention and saves on the version it read. A refused save (Conflict: another editor saved
first) is what the page shows as the conflict view; the editor then takes the other version
and makes its change again on top (the 'Ga verder met versie n' button), until it is saved.

Figures: p50/p95/max ms per save call (accepted or refused) and per edit (from the first try
to the accepted save, retries included), conflicts, wall time. Checks, per plan: the history
holds exactly versions 1..N with N = 1 + accepted saves (no gap, no duplicate), every accepted
save's content hash is the one stored for its version, and the newest version holds every
editor's last note (no edit lost). Exit code 1 on any failure.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import secrets
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _common import machine_info, median, p95, table


def with_note(document: bytes, iid: str, note: str) -> bytes:
    """The werkmap with ``note`` on ``iid`` (added at the end of the shortlist when missing)."""
    data = json.loads(document)
    entries = data["shortlist"]
    for entry in entries:
        if entry["interventie"] == iid:
            entry["notitie"] = note
            break
    else:
        entries.append({"interventie": iid, "notitie": note})
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def note_for(k: int, r: int) -> str:
    return f"redacteur {k}, ronde {r}"


def _process(env: dict, tokens: list[str], editors: list[int], ids: list[str], rounds: int,
             barrier, out) -> None:
    os.environ.update(env)
    from kenniskaart.werkmap_online import Conflict, WerkmapStore, doc_hash

    store = WerkmapStore.from_env()
    store.open(tokens[0])  # schema checked, pool connected: not part of the figures
    saves: list[float] = []
    edits: list[float] = []
    accepted: list[tuple[int, int, str]] = []
    errors: list[str] = []
    conflicts = [0]
    lock = threading.Lock()

    def editor(k: int) -> None:
        plan = k % len(tokens)
        for r in range(rounds):
            barrier.wait()
            first = time.perf_counter()
            try:
                while True:
                    opened = store.open(tokens[plan])
                    document = with_note(opened.document, ids[k % len(ids)], note_for(k, r))
                    t0 = time.perf_counter()
                    try:
                        info = store.save(tokens[plan], opened.version, document, note=note_for(k, r))
                    except Conflict:
                        with lock:
                            saves.append(time.perf_counter() - t0)
                            conflicts[0] += 1
                        continue
                    with lock:
                        saves.append(time.perf_counter() - t0)
                        edits.append(time.perf_counter() - first)
                        accepted.append((plan, info.version, doc_hash(document)))
                    break
            except Exception as exc:  # noqa: BLE001 - reported and counted as a failure
                with lock:
                    errors.append(f"redacteur {k}, ronde {r}: {type(exc).__name__}: {exc}")
                barrier.abort()
                return

    threads = [threading.Thread(target=editor, args=(k,)) for k in editors]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    store.engine.dispose()
    out.put({"saves": saves, "edits": edits, "accepted": accepted, "errors": errors, "conflicts": conflicts[0]})


def run_backend(backend: str, args) -> bool:
    from kenniskaart.content import load_content
    from kenniskaart.werkmap import werkmap_to_json
    from kenniskaart.werkmap_online import WerkmapStore

    ids = [iv.id for iv in load_content().interventions]
    tmp = tempfile.TemporaryDirectory(prefix="kk-werkmap-online-")
    env = {"KENNISKAART_DATABASE_URL": "", "KENNISKAART_DATA_DIR": tmp.name}
    server_url = db_url = None
    if backend == "postgresql":
        from load_werksessie import admin_sql, pg_server_url

        server_url = pg_server_url(args.pg_url)
        db_url = server_url.set(database=f"kk_load_{secrets.token_hex(4)}")
        admin_sql(server_url, f'CREATE DATABASE "{db_url.database}"')
        env = {"KENNISKAART_DATABASE_URL": db_url.render_as_string(hide_password=False)}
    n_proc = args.processes or (2 if backend == "postgresql" else 1)
    old_env = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    store = WerkmapStore.from_env()
    try:
        start = werkmap_to_json(None, [], {}, None)
        tokens = [store.create(start, note="Plan begonnen").edit_token for _ in range(args.plans)]
        ctx = multiprocessing.get_context("spawn")
        barrier, out = ctx.Barrier(args.editors, timeout=args.timeout), ctx.Queue()
        groups = [list(range(p, args.editors, n_proc)) for p in range(n_proc)]
        procs = [ctx.Process(target=_process, args=(env, tokens, g, ids, args.rounds, barrier, out)) for g in groups]
        t0 = time.perf_counter()
        for p in procs:
            p.start()
        parts = [out.get(timeout=args.timeout) for _ in procs]
        wall = time.perf_counter() - t0
        for p in procs:
            p.join(timeout=60)
        saves = [x for part in parts for x in part["saves"]]
        edits = [x for part in parts for x in part["edits"]]
        accepted = [x for part in parts for x in part["accepted"]]
        errors = [x for part in parts for x in part["errors"]]
        conflicts = sum(part["conflicts"] for part in parts)

        lost: list[str] = []
        for plan, token in enumerate(tokens):
            history = store.history(token, limit=100_000)
            mine = {v: h for p, v, h in accepted if p == plan}
            want = list(range(1 + len(mine), 0, -1))
            if [h.version for h in history] != want:
                lost.append(f"plan {plan}: versies {[h.version for h in history][:5]}… in plaats van 1..{want[0]}")
            stored = {h.version: h.doc_hash for h in history}
            lost += [f"plan {plan}: versie {v} niet zoals bewaard" for v, h in mine.items() if stored.get(v) != h]
            newest = {e["interventie"]: e["notitie"] for e in json.loads(store.open(token).document)["shortlist"]}
            for k in range(plan, args.editors, args.plans):
                if newest.get(ids[k % len(ids)]) != note_for(k, args.rounds - 1):
                    lost.append(f"plan {plan}: de laatste notitie van redacteur {k} ontbreekt")
        print(f"\n== {backend}: {args.editors} redacteuren op {args.plans} plannen, {args.rounds} rondes, "
              f"{n_proc} app-proces(sen), {wall:.1f} s ==")

        def ms(xs: list[float]) -> list[float]:
            return [1000 * x for x in xs]

        print(table(["", "n", "p50 ms", "p95 ms", "max ms"], [
            ["save (bewaren, ook geweigerd)", len(saves), median(ms(saves)), p95(ms(saves)), max(ms(saves))],
            ["edit (tot bewaard, met herhalingen)", len(edits), median(ms(edits)), p95(ms(edits)), max(ms(edits))],
        ], digits=1, int_cols=(1,)))
        print(f"bewaarde versies: {len(accepted)} (verwacht {args.editors * args.rounds}); "
              f"geweigerd (conflict, daarna opnieuw): {conflicts}; verloren versies of wijzigingen: {len(lost)}; "
              f"fouten: {len(errors)}")
        for line in (errors + lost)[:8]:
            print("  ", line)
        return not errors and not lost and len(accepted) == args.editors * args.rounds
    finally:
        store.engine.dispose()
        for k, v in old_env.items():
            os.environ.pop(k, None) if v is None else os.environ.__setitem__(k, v)
        if db_url is not None:
            admin_sql(server_url, f'DROP DATABASE IF EXISTS "{db_url.database}" WITH (FORCE)')
        tmp.cleanup()


def hook_cost() -> None:
    """What a page run pays: the unchanged check (a tuple compare) and, on a change, the
    werkmap serialised and hashed (before the one write)."""
    import timeit

    from kenniskaart.aanbeveler import Profile
    from kenniskaart.content import load_content
    from kenniskaart.planscan import Plan
    from kenniskaart.werkmap import werkmap_to_json
    from kenniskaart.werkmap_online import doc_hash

    kk = load_content()
    ids = [iv.id for iv in kk.interventions][:12]
    profile = Profile(age=15, risk_factors=tuple(f.id for f in kk.factors[:4]))
    plan = Plan(interventions=tuple(ids[:8]), examples=tuple(e.id for e in kk.examples[:10]))
    notes = dict.fromkeys(ids, "Eerst navragen bij de GGD: wachtlijst?")
    snap = (profile, plan, tuple(ids), tuple(notes.items()))
    same = (profile, plan, tuple(ids), tuple(notes.items()))
    n = 2000
    compare = timeit.timeit(lambda: snap == same, number=n) / n
    serialise = timeit.timeit(lambda: doc_hash(werkmap_to_json(profile, ids, notes, plan)), number=n) / n
    size = len(werkmap_to_json(profile, ids, notes, plan))
    print(f"\nkosten per paginarun: ongewijzigd {compare * 1e6:.1f} µs (vergelijking); gewijzigd "
          f"{serialise * 1e6:.0f} µs (werkmap {size} bytes als JSON + SHA-256), daarna één schrijfactie")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    p.add_argument("--editors", type=int, default=50)
    p.add_argument("--plans", type=int, default=5)
    p.add_argument("--rounds", type=int, default=10)
    p.add_argument("--processes", type=int, default=0, help="app processes (default: 1 SQLite, 2 PostgreSQL)")
    p.add_argument("--pg-url", help="SQLAlchemy URL of a PostgreSQL server (default: PG* variables)")
    p.add_argument("--timeout", type=float, default=600)
    args = p.parse_args(argv)
    print(machine_info())
    ok = True
    for backend in (["sqlite", "postgresql"] if args.backend == "both" else [args.backend]):
        ok = run_backend(backend, args) and ok
    hook_cost()
    print("\nOK" if ok else "\nFAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
