"""The walks of this app that the load test and the benchmarks send through
``support.protocol``: the facilitator's path and a shared Aanbeveler link."""

from __future__ import annotations

import urllib.parse

from support.protocol import Step


def shared_link_query() -> str:
    """The query string of a shared Aanbeveler link for the first casus in the content
    (without cases: the first risk factor), built by the app's own share helper."""
    from kenniskaart.aanbeveler import Profile, profile_from_case
    from kenniskaart.content import load_content
    from kenniskaart.share import profile_to_params

    kk = load_content()
    if kk.cases:
        profile = profile_from_case(kk.cases[0])
    else:
        profile = Profile(risk_factors=(kk.risk_factors[0].id,))
    return urllib.parse.urlencode(profile_to_params(profile))


def build_walk(name: str, query: str) -> list[Step]:
    factor = Step("factor", "widget", "aanbeveler", widget=("multiselect", "Risicofactoren"))
    if name == "facilitator":
        return [
            Step("start", "open", ""),
            Step("aanbeveler", "open", "aanbeveler", query=query),
            factor,
            Step("planscan", "page", "planscan"),
            Step("preset", "widget", "planscan", widget=("selectbox", "BOTOC")),
        ]
    if name == "link":
        return [Step("aanbeveler link", "open", "aanbeveler", query=query), factor]
    raise SystemExit(f"unknown walk {name!r} (facilitator, link)")


