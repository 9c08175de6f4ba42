"""Real browser: every page opens in Debian's chromium without an error box."""

from __future__ import annotations

import pytest

from support.browser import no_exception, wait_for_app

PAGES = [
    ("", "Kenniskaart Preventie met Gezag"),
    ("factoren", "Factoren"),
    ("interventies", "Interventies"),
    ("aanbeveler", "Aanbeveler"),
    ("praktijkvoorbeelden", "Praktijkvoorbeelden"),
    ("lessen", "Lessen"),
    ("planscan", "Planscan"),
    ("plan_van_aanpak", "Plan van aanpak"),
    ("monitor", "Nulmeting en monitor"),
    ("shortlist", "Shortlist"),
    ("over", "Over de kenniskaart: bronnen en methode"),
]


@pytest.mark.parametrize(("path", "heading"), PAGES, ids=[p[0] or "start" for p in PAGES])
def test_page_opens_in_chromium(app_server, page, path, heading):
    page.goto(f"{app_server.url}/{path}")
    wait_for_app(page)
    h1 = page.locator("h1").first
    assert h1.inner_text().strip() == heading
    no_exception(page)
    assert page.get_by_text("Page not found").count() == 0
    page.wait_for_function("document.documentElement.lang === 'nl'", timeout=10_000)
    # The app's own navigation (not Streamlit's file-name fallback) is shown on deep links.
    assert "Over (bronnen en methode)" in page.locator("[data-testid=stSidebarNav]").inner_text()


def test_navigation_lists_every_page_in_dutch(app_server, page):
    page.goto(app_server.url)
    wait_for_app(page)
    links = page.locator("[data-testid=stSidebarNavLink]").all_inner_texts()
    titles = [text.strip().splitlines()[-1].strip() for text in links]  # icon ligature first
    assert titles == [
        "Start", "Factoren", "Interventies", "Aanbeveler", "Praktijkvoorbeelden", "Lessen",
        "Planscan", "Werksessie", "Plan van aanpak", "Nulmeting en monitor", "Shortlist", "Over (bronnen en methode)",
    ]
