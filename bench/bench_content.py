"""Content and domain benchmarks: load+validate, matcher, planscan (prints a table).

    python bench/bench_content.py [--runs N] [--synthetic 10000] [--seed 1] [--clock wall|cpu]

No assertions on time: compare the rows of one run with each other. ``--clock cpu`` times with
the process's CPU time instead of the wall clock: on a shared, busy machine (load above the
number of cores) wall-clock figures mostly measure waiting for a core.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _common import machine_info, median, p95, table

from kenniskaart.aanbeveler import Profile, recommend
from kenniskaart.content import Kenniskaart, load_content
from kenniskaart.models import FactorLink, Intervention
from kenniskaart.planscan import municipality_preset, plan_items, scan

CLOCK: Callable[[], float] = time.perf_counter
"""The clock ``timed`` uses (``--clock``)."""


def timed(fn: Callable[[], object], runs: int, warmup: int = 1) -> list[float]:
    """Run ``fn`` ``warmup`` + ``runs`` times; return the timed runs in ms (GC off while timing)."""
    for _ in range(warmup):
        fn()
    out = []
    gc_was = gc.isenabled()
    gc.disable()
    try:
        for _ in range(runs):
            t0 = CLOCK()
            fn()
            out.append((CLOCK() - t0) * 1000)
    finally:
        if gc_was:
            gc.enable()
    return out


def profiles(kk: Kenniskaart, rng: random.Random) -> list[tuple[str, Profile]]:
    """Realistic profiles: every casus from the content, else profiles built from real factor ids."""
    out: list[tuple[str, Profile]] = []
    for case in kk.cases:
        out.append(
            (
                f"casus {case.id}",
                Profile(
                    age=case.age,
                    risk_factors=tuple(case.risk_factors),
                    protective_factors=tuple(case.protective_factors),
                    settings=tuple(case.settings),
                    need=case.need,
                ),
            )
        )
    if out:
        return out
    risk = [f.id for f in kk.risk_factors]
    # gefundeerde risk factors, the ones most interventions address first
    founded = [
        f.id
        for f in sorted(kk.risk_factors, key=lambda f: -len(kk.interventions_for_factor(f.id)))
        if f.evidence == "gefundeerd"
    ] or risk
    prot = [f.id for f in kk.protective_factors]
    # The factors that most interventions address (the realistic, "busy" part of the map).
    by_links = sorted(kk.factors, key=lambda f: -len(kk.interventions_for_factor(f.id)))
    busy_risk = [f.id for f in by_links if f.kind == "risico"][:4]
    busy_prot = [f.id for f in by_links if f.kind == "beschermend"][:2]
    return [
        ("1 gefundeerde risicofactor, 14 jr", Profile(age=14, risk_factors=(founded[0],))),
        (
            "4 drukste risico + 2 bescherm, 16 jr, school",
            Profile(age=16, risk_factors=tuple(busy_risk), protective_factors=tuple(busy_prot), settings=("school",)),
        ),
        (
            "8 risico + 4 bescherm, geen leeftijd",
            Profile(risk_factors=tuple(rng.sample(risk, 8)), protective_factors=tuple(rng.sample(prot, 4))),
        ),
        (
            "30 risico + 20 bescherm, 12 jr, intensief",
            Profile(
                age=12,
                risk_factors=tuple(rng.sample(risk, min(30, len(risk)))),
                protective_factors=tuple(rng.sample(prot, min(20, len(prot)))),
                settings=("gezin", "wijk"),
                need="hulp-intensief",
            ),
        ),
    ]


def _load() -> str:
    try:
        import os

        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except (OSError, AttributeError):
        return "onbekend"


def _note(res) -> str:
    """Tiers of a matcher result: 'tier1/tier2/excluded/package'."""
    return (f"{len(res.tier(1))} erkend, {len(res.tier(2))} praktijk, {len(res.excluded)} valt af, "
            f"pakket {len(res.package)}")


def synthetic(kk: Kenniskaart, n: int, rng: random.Random) -> Kenniskaart:
    """A new Kenniskaart with ``n`` interventions copied from the real ones, each re-linked to
    1-6 random real factors, with random ages and help levels. ``dataclasses.replace`` builds a
    fresh object, so the cached indexes are rebuilt for the new catalogue."""
    factor_ids = [f.id for f in kk.factors]
    levels = [h.id for h in kk.help_levels]
    templates = list(kk.interventions)
    ivs: list[Intervention] = []
    for i in range(n):
        tpl = rng.choice(templates)
        lo = rng.choice([None, *range(6, 24)])
        hi = None if lo is None and rng.random() < 0.5 else rng.randint(lo if lo is not None else 6, 27)
        ivs.append(
            tpl.model_copy(
                update={
                    "id": f"syn-{i:05d}",
                    "name": f"{tpl.name} #{i}",
                    "min_age": lo,
                    "max_age": hi,
                    "help_levels": rng.sample(levels, rng.randint(0, 2)),
                    "factors": [
                        FactorLink(factor=fid, basis=rng.choice(["bron", "thema", "team"]))
                        for fid in rng.sample(factor_ids, rng.randint(1, 6))
                    ],
                }
            )
        )
    return dataclasses.replace(kk, interventions=tuple(ivs))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=30, help="timed runs per operation (default 30)")
    ap.add_argument("--synthetic", type=int, default=10_000, help="size of the synthetic catalogue")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--clock", choices=["wall", "cpu"], default="wall", help="wall clock (default) or process CPU time")
    args = ap.parse_args(argv)
    global CLOCK
    CLOCK = time.process_time if args.clock == "cpu" else time.perf_counter
    rng = random.Random(args.seed)
    runs = args.runs
    rows: list[list] = []

    def row(op: str, samples: list[float], note: str = "") -> None:
        rows.append([op, len(samples), median(samples), p95(samples), note])

    # 1. load + validate (first call in the process separately: imports and YAML caches are cold)
    t0 = time.perf_counter()
    kk = load_content()
    first_ms = (time.perf_counter() - t0) * 1000
    rows.append(["load_content (first call in process)", 1, first_ms, first_ms, ""])
    row("load_content (load + validate)", timed(load_content, max(5, runs // 3)), f"{len(kk.files)} files")
    counts = kk.counts()
    # where the load time goes: YAML parsing alone with the loader's own class (libyaml's
    # CSafeLoader when available), versus the same duplicate-key check on libyaml directly
    import yaml

    from kenniskaart.content import loader as content_mod

    files = sorted(content_mod.content_dir().rglob("*.yaml"))
    texts = [(root_file, root_file.read_text(encoding="utf-8")) for root_file in files]
    row(
        "  yaml parse only, content's _StrictLoader",
        timed(lambda: [yaml.load(t, Loader=content_mod._StrictLoader) for _, t in texts], max(5, runs // 3)),
        "libyaml" if content_mod._StrictLoader.__mro__[1].__name__ == "CSafeLoader" else "pure Python",
    )
    if getattr(yaml, "__with_libyaml__", False):

        class _StrictCLoader(yaml.CSafeLoader):
            pass

        _StrictCLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, content_mod._construct_mapping)
        same = all(
            yaml.load(t, Loader=_StrictCLoader) == yaml.load(t, Loader=content_mod._StrictLoader)
            for _, t in texts
        )
        row(
            "  yaml parse only, same check on CSafeLoader",
            timed(lambda: [yaml.load(t, Loader=_StrictCLoader) for _, t in texts], max(5, runs // 3)),
            "libyaml" + ("" if same else " (RESULT DIFFERS)"),
        )
    items_all = [it for name in ("factors", "interventions", "examples", "guidance") for it in getattr(kk, name)]
    # computed fields (Factor.age_groups) are output only: leave them out of the input
    dumped = [
        (type(it), {k: v for k, v in it.model_dump().items() if k not in type(it).model_computed_fields})
        for it in items_all
    ]
    row(
        "  pydantic validate only (factors+iv+examples+guidance)",
        timed(lambda: [cls.model_validate(d) for cls, d in dumped], runs),
        f"{len(dumped)} items",
    )

    # 2. matcher on the real content
    profs = profiles(kk, rng)
    for label, prof in profs:
        res = recommend(kk, prof)
        row(f"recommend real: {label}", timed(lambda p=prof: recommend(kk, p), runs), _note(res))

    # 3. matcher on a synthetic catalogue
    t0 = time.perf_counter()
    big = synthetic(kk, args.synthetic, rng)
    build_ms = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    big.interventions_for_factor("x")  # builds the cached index
    index_ms = (time.perf_counter() - t0) * 1000
    rows.append([f"build synthetic catalogue ({args.synthetic} iv)", 1, build_ms, build_ms, "model_copy"])
    rows.append(["  first index build (_interventions_by_factor)", 1, index_ms, index_ms, ""])
    syn_runs = max(5, runs // 3)
    for label, prof in profs:
        res = recommend(big, prof)
        row(
            f"recommend {args.synthetic}: {label}",
            timed(lambda p=prof: recommend(big, p), syn_runs),
            _note(res),
        )

    # 4. planscan on all BOTOC examples
    preset = municipality_preset(kk, "*")
    items = plan_items(kk, [], preset)
    row("planscan.scan (all BOTOC examples)", timed(lambda: scan(kk, items), runs), f"{len(items)} items")
    all_items = plan_items(kk, [i.id for i in kk.interventions], [e.id for e in kk.examples])
    row("planscan.scan (all interventions + examples)", timed(lambda: scan(kk, all_items), runs),
        f"{len(all_items)} items")

    print(f"# bench_content  ({machine_info()}; clock: {args.clock}; load average {_load()})")
    print(
        "# content: "
        + ", ".join(f"{k}={v}" for k, v in counts.items())
        + ("" if kk.cases else "  (no cases: profiles built from real factor ids)")
    )
    print(table(["operation", "n", "median ms", "p95 ms", "note"], rows, digits=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
