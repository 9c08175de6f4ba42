"""The Aanbeveler in the real browser: every ready-made casus and a profile built by hand show
the tiers, the three signals and the package; reasons and cautions are different elements
(a plain list versus a warning box) and look different."""

from __future__ import annotations

from playwright.sync_api import expect

from kenniskaart.aanbeveler import Profile, choice_profile, profile_from_case, recommend
from support.browser import no_exception, pick_option, wait_for_app

ANTI = "beke-r-antisociale-persoonlijkheidskenmerken"
FRIENDS = "beke-r-banden-vrienden-kennissen"


def _choose_case(page, title: str) -> None:
    box = page.locator("[data-testid=stSelectbox]").filter(has_text="Begin met een casus")
    pick_option(page, box.get_by_role("combobox"), title, type_filter=False)


def _open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name, exact=True).click()
    wait_for_app(page)


def _check_results(page, kk, profile: Profile) -> None:
    """What the matcher returns for ``profile`` is what the page shows."""
    res = recommend(kk, profile)
    main = page.locator("[data-testid=stMain]")
    expect(main).to_contain_text("Niveau van hulp:", timeout=30_000)
    no_exception(page)
    if res.needs_age:  # no age (the neighbourhood casus): the page asks for one and ranks nothing
        expect(main).to_contain_text("Vul eerst een leeftijd in")
        assert page.locator(".st-key-a-tier-1").count() == 0
        return
    # tiers, in this order, with their counts
    tier1 = page.locator(".st-key-a-tier-1")
    tier2 = page.locator(".st-key-a-tier-2")
    expect(tier1).to_contain_text(f"Groep 1 · Erkend, passend bij leeftijd en niveau van hulp ({len(res.tier(1))})")
    expect(tier2).to_contain_text(f"Groep 2 · Veelbelovend / praktijk ({len(res.tier(2))})")
    assert tier1.bounding_box()["y"] < tier2.bounding_box()["y"]
    # the first card: its name, the rule in words and the three signals
    first = res.ranked[0]
    iid = first.intervention.id
    where = "t1" if first.tier == 1 else "t2"
    card = page.locator(f".st-key-a-{where}-{iid}")
    expect(card).to_contain_text(f"1. {first.intervention.name}")
    expect(card).to_contain_text(first.rule)
    reasons = card.locator(f".st-key-a-reasons-{iid}")
    for label in ("Bewijs:", "Effect:", "Uitvoering:", "Waarom wel:"):
        expect(reasons).to_contain_text(label)
    # the package tab lists the package in order, each with why it is there
    _open_tab(page, "Pakket")
    package = page.locator(".st-key-a-package")
    for item in res.package:
        expect(package).to_contain_text(item.intervention.name)
        expect(package).to_contain_text(item.why)
    _open_tab(page, "Aanbevelingen")


def test_every_casus_shows_tiers_signals_and_package(app_server, page, kk):
    page.goto(f"{app_server.url}/aanbeveler")
    wait_for_app(page)
    for case in kk.cases:
        _choose_case(page, case.title)
        # the pickers offer twins as one choice: the page's profile is the casus in picker ids
        _check_results(page, kk, choice_profile(kk, profile_from_case(case)))


def test_hand_built_fifteen_year_old(app_server, page, kk):
    page.goto(f"{app_server.url}/aanbeveler")
    wait_for_app(page)
    page.get_by_text("Leeftijd bekend").click()
    wait_for_app(page)
    slider = page.locator("[data-testid=stSlider] input[type=range]").first
    slider.focus()
    for _ in range(15 - int(slider.input_value())):
        slider.press("ArrowRight")
    wait_for_app(page)
    expect(page.locator("[data-testid=stSliderThumbValue]").first).to_have_text("15")
    factors = kk.by_id("factors")
    for fid, level in ((ANTI, "individu"), (FRIENDS, factors[FRIENDS].level)):
        box = page.locator("[data-testid=stMultiSelect]").filter(has_text=f"Risicofactoren: {level}")
        pick_option(page, box.get_by_role("combobox"), factors[fid].name, close=True)
    # no English "Select all" in the pickers
    box = page.locator("[data-testid=stMultiSelect]").filter(has_text="Risicofactoren: gezin")
    box.get_by_role("combobox").click()
    expect(page.locator("[role=option]").first).to_be_visible()
    assert page.locator("[role=option]").filter(has_text="Select all").count() == 0
    page.keyboard.press("Escape")
    wait_for_app(page)

    profile = Profile(age=15, risk_factors=(ANTI, FRIENDS))
    res = recommend(kk, profile)
    assert res.ranked[0].tier == 1 and "ajb" in [r.intervention.id for r in res.tier(1)]
    _check_results(page, kk, profile)

    # reasons and cautions: different elements that look different
    reasons = page.locator(".st-key-a-reasons-ajb")
    alert = page.locator(".st-key-a-t1-ajb [data-testid=stAlert]")
    expect(reasons).to_be_visible()
    expect(alert).to_be_visible()
    assert reasons.locator("[data-testid=stAlert]").count() == 0
    expect(alert).to_contain_text("Let op, waarschuwingen:")
    assert alert.locator("[data-testid=stAlertDynamicIcon]").count() == 1  # an icon next to the text label

    def bg(loc):
        return loc.evaluate("e => getComputedStyle(e).backgroundColor")

    assert bg(alert.locator("[data-testid=stAlertContainer]")) != bg(reasons)
    page.locator(".st-key-a-t1-ajb").screenshot(path="/tmp/aanbeveler-ajb-card.png")
    page.screenshot(path="/tmp/aanbeveler-15.png", full_page=True)


def test_an_offence_in_the_profile_opens_the_programmes_after_an_offence(app_server, page, kk):
    """Issue 19: a 16-year-old with antisocial behaviour; Tools4U (a leerstraf) falls out until the
    user says there was an offence; every card says who the intervention is for."""
    from support.browser import choose

    page.goto(f"{app_server.url}/aanbeveler?leeftijd=16&risico={ANTI}&bescherm=vk-sociale-vaardigheden")
    wait_for_app(page)
    tier1 = page.locator(".st-key-a-tier-1")
    expect(tier1).to_contain_text("Voor wie:", timeout=30_000)
    expect(page.locator(".st-key-a-t1-tools4u")).to_have_count(0)
    _open_tab(page, "Valt af")
    expect(page.locator("[data-testid=stMain]")).to_contain_text("Tools4U (doelgroep): alleen na een delict")

    choose(page, "Delict gepleegd", "eerste delict")
    _open_tab(page, "Aanbevelingen")
    card = page.locator(".st-key-a-t1-tools4u")
    expect(card).to_be_visible(timeout=30_000)
    expect(card).to_contain_text("na een delict (justitieel kader)")
    expect(card).to_contain_text("niet bij een licht verstandelijke beperking")

    # with LVB, Tools4U (IQ > 85) falls out and So-Cool comes in
    choose(page, "Licht verstandelijke beperking", "ja")
    expect(page.locator(".st-key-a-t1-so-cool")).to_be_visible(timeout=30_000)
    expect(page.locator(".st-key-a-t1-tools4u")).to_have_count(0)
    no_exception(page)
