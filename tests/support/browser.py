"""Helpers of the real-browser tests (Playwright on Debian's chromium): waiting for the app,
choosing in Streamlit's widgets, downloads, new pages, and reading the page the way a user or a
screen reader does (the sidebar links, the 'Deel deze weergave' link, the rows of a table
through its accessible grid, role=grid/row/gridcell), never by pixel position."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

DESKTOP_WIDE = {"width": 1400, "height": 1000}
"""The viewport of the ``page`` fixture."""
DESKTOP = {"width": 1280, "height": 720}
PHONE = {"width": 390, "height": 844}

INTERVENTIONS_SEARCH = "Zoek in gewone woorden: naam, doelgroep, beschrijving of de factor die ze aanpakken"
"""The label of the search box on Interventies."""
EXAMPLES_SEARCH = "Zoek in gewone woorden: naam, beschrijving, gemeente of de factor die ze aanpakken"
"""The label of the search box on Praktijkvoorbeelden."""

SLOW = 90_000
"""A longer wait (ms) for the tests whose reruns are heavy when the machine is shared."""


def new_page(browser, viewport: dict[str, int] = DESKTOP_WIDE, *, phone: bool = False, **options):
    """A page in a new browser context of its own (Dutch locale; ``phone``: a touch screen).
    Close it with ``page.context.close()``."""
    context = browser.new_context(viewport=viewport, locale="nl-NL", is_mobile=phone, has_touch=phone, **options)
    return context.new_page()


@contextmanager
def fresh_page(browser, url: str, timeout: float = 30_000) -> Iterator:
    """``url`` (a shared link, say) opened in a new browser context, as in another browser:
    nothing of the test's own session comes along. The context is closed afterwards."""
    page = new_page(browser)
    try:
        page.goto(url)
        wait_for_app(page, timeout)
        yield page
    finally:
        page.context.close()


def main(page):
    """The page's main area (without the sidebar)."""
    return page.locator("[data-testid=stMain]")


def no_exception(page, where: str = "") -> None:
    """No Streamlit exception box on the page."""
    assert page.locator("[data-testid=stException]").count() == 0, where or page.url


APP_IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"


def wait_for_app(pg, timeout: float = 30_000) -> None:
    """Wait until the script has finished running and no skeleton is shown."""
    pg.wait_for_selector(APP_IDLE, timeout=timeout)
    pg.wait_for_function(
        "() => !document.querySelector('[data-testid=stSkeleton]')", timeout=timeout
    )


def pick_option(page, combobox, option: str, *, exact: bool = False, type_filter: bool = True,
                close: bool = False, prefix: bool = False) -> None:
    """Choose ``option`` in a Streamlit selectbox or multiselect (``combobox`` is its locator).

    Lists are virtualised, so the text is typed first to filter them. One retry, and only for
    the test's own timing: the list was open but closed or replaced before the click landed
    because a rerun the test itself set off (a lazy tab, the previous choice) was still on its
    way. An open list without the option fails at once (the option is missing: a defect), and
    so does a second failure.
    """
    if exact:
        item = page.get_by_role("option", name=option, exact=True)
    elif prefix:  # the option whose label starts with it (labels carry everyday words after the name)
        item = page.locator("[role=option]").filter(has_text=re.compile("^" + re.escape(option))).first
    else:
        item = page.locator("[role=option]").filter(has_text=option).first
    for attempt in range(2):
        wait_for_app(page)
        combobox.click()
        if type_filter:
            page.keyboard.type(option[:40])
        try:
            item.click(timeout=8_000)
            break
        except PlaywrightError:
            listbox = page.locator("[role=listbox]")
            if attempt or (listbox.count() and listbox.first.is_visible()):
                shown = page.locator("[role=option]").all_inner_texts()[:10]
                raise AssertionError(f"option {option!r} not offered; the list shows {shown}") from None
            page.keyboard.press("Escape")
    if close:
        page.keyboard.press("Escape")
    wait_for_app(page)


def choose(page, label: str, option: str) -> None:
    """Choose ``option`` in the selectbox labelled ``label``."""
    box = page.locator("[data-testid=stSelectbox]").filter(has_text=label)
    pick_option(page, box.get_by_role("combobox"), option, type_filter=False)


def pick(page, label: str, option: str, *, prefix: bool = False) -> None:
    """Add ``option`` in the multiselect labelled ``label`` and close its list."""
    box = page.locator("[data-testid=stMultiSelect]").filter(has_text=label)
    pick_option(page, box.get_by_role("combobox"), option, close=True, prefix=prefix)


def download(page, button: str):
    """Click a download button once the app is idle and return the download. No retry: the
    button must be enabled when the app is idle and the first click must deliver the file (a
    rerun racing a deferred download once left the next download button disabled; retrying
    would hide that)."""
    wait_for_app(page)
    target = page.get_by_role("button", name=button)
    assert target.count() == 1, f"{target.count()} buttons named {button!r}"
    assert target.is_enabled(), f"the download button {button!r} is disabled while the app is idle"
    with page.expect_download(timeout=20_000) as dl:
        target.click(timeout=5_000)
    return dl.value


def nav(page, name: str, timeout: float = 90_000) -> None:
    """Click a page in the sidebar and wait until that page has loaded (its address, then an idle
    app: not only until the previous run has finished)."""
    link = page.locator("[data-testid=stSidebarNav]").get_by_role("link", name=name, exact=True)
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(re.compile(re.escape(href.rstrip("/")) + r"/?(\?.*)?$"), timeout=timeout)
    wait_for_app(page, timeout)


def share_link(page, containing: str = "://", timeout: float = 30_000) -> str:
    """Open 'Deel deze weergave' and return its link once it contains ``containing`` (the address
    bar is not rewritten on every run: that made a browser-history entry per run)."""
    page.get_by_text("Deel deze weergave").click()
    code = page.locator("[data-testid=stCode]").filter(has_text="://").last
    expect(code).to_contain_text(containing, timeout=timeout)
    return code.inner_text().strip()


# The grid of st.dataframe draws on a canvas; beside it, it keeps an accessible table for screen
# readers (table[role=grid] with aria-rowcount/aria-colcount, rows tr[role=row] with
# aria-rowindex, cells with aria-colindex). That table holds only the rows and columns in view,
# so the grid is scrolled through, one screenful at a time, until every cell has been read.
_READ_GRID = """async (el) => {
    const scroller = el.querySelector('.dvn-scroller');
    const table = el.querySelector('table[role=grid]');
    if (!scroller || !table) return null;
    const rows = +table.getAttribute('aria-rowcount'), cols = +table.getAttribute('aria-colcount');
    const cells = {};
    const frame = () => new Promise(r => requestAnimationFrame(r));
    // which rows and columns the accessible table holds now
    const shown = () => [...el.querySelectorAll('table[role=grid] [role=row]')]
            .map(r => r.getAttribute('aria-rowindex')).join()
        + '|' + [...el.querySelectorAll('table[role=grid] th')].map(t => t.getAttribute('aria-colindex')).join();
    const collect = () => {
        for (const c of el.querySelectorAll('table[role=grid] [role=gridcell], table[role=grid] [role=columnheader]')) {
            const row = c.closest('[role=row]');
            if (row) cells[row.getAttribute('aria-rowindex') + ',' + c.getAttribute('aria-colindex')] = c.textContent;
        }
    };
    const scrollTo = async (left, top) => {
        const before = shown(), was = [scroller.scrollLeft, scroller.scrollTop];
        scroller.scrollTo(left, top);
        if (scroller.scrollLeft === was[0] && scroller.scrollTop === was[1]) return;
        // the table follows the scroll a render later: wait until it holds other rows/columns
        for (let i = 0; i < 240 && shown() === before; i++) await frame();
        await frame();
    };
    collect();
    for (let top = 0; ; top += Math.max(35, scroller.clientHeight - 70)) {
        for (let left = 0; ; left += Math.max(50, scroller.clientWidth - 150)) {
            await scrollTo(left, top);
            collect();
            if (left + scroller.clientWidth >= scroller.scrollWidth) break;
        }
        if (top + scroller.clientHeight >= scroller.scrollHeight) break;
    }
    await scrollTo(0, 0);
    return {rows, cols, cells};
}"""


def grid_rows(grid, timeout: float = 30_000) -> list[dict[str, str]]:
    """Every row of an st.dataframe (``grid``: its [data-testid=stDataFrame] locator) as
    {column header: cell text}, read from the grid's accessible table. Reads again until every
    cell of aria-rowcount × aria-colcount has been seen (the table follows the scrolling a frame
    later on a busy machine); fails with what is missing after ``timeout``."""
    grid.locator("table[role=grid] [role=gridcell]").first.wait_for(state="attached", timeout=timeout)
    deadline = time.monotonic() + timeout / 1000
    while True:
        found = grid.evaluate(_READ_GRID)
        assert found is not None, "the grid has no accessible table"
        rows, cols, cells = found["rows"], found["cols"], found["cells"]
        missing = [(r, c) for r in range(1, rows + 1) for c in range(1, cols + 1) if f"{r},{c}" not in cells]
        if not missing:
            break
        # each read waits, per scroll position, until the table shows other cells: no fixed sleep
        assert time.monotonic() < deadline, f"cells never shown in the accessible grid: {missing[:10]} of {rows}×{cols}"
    headers = [cells[f"1,{c}"] for c in range(1, cols + 1)]
    return [{h: cells[f"{r},{c}"] for c, h in enumerate(headers, start=1)} for r in range(2, rows + 1)]


_ACTIVE_ROW = """(el) => {
    const a = document.activeElement;
    if (!a || !el.contains(a) || a.getAttribute('role') !== 'gridcell') return null;
    const row = a.closest('[role=row]');
    return {row: +row.getAttribute('aria-rowindex'), first: row.querySelector('[role=gridcell]').textContent};
}"""


def select_row(grid, first_cell: str, timeout: float = 30_000) -> None:
    """Select the row whose first column reads ``first_cell`` the way a keyboard or screen-reader
    user does: move the grid's focus to a cell of that row in its accessible table, then
    Shift+Space (the grid's 'select row' key). No pixel position of the drawn grid is used.

    The first focus only brings the grid into focus (on its current cell, the first one); the
    grid moves to the cell asked for once it has the focus, so the cell is focused again until
    the grid's cursor (its aria-selected cell) and the document's focus are both in that row."""
    page = grid.page
    target = grid.locator("table[role=grid] [role=gridcell][aria-colindex='1']").filter(
        has_text=re.compile("^" + re.escape(first_cell) + "$"))
    expect(target).to_have_count(1, timeout=timeout)
    want = int(target.locator("xpath=..").get_attribute("aria-rowindex"))
    for _ in range(3):
        target.focus()
        try:
            # the grid's own cursor (its aria-selected cell) and the focus are both in the row
            grid.evaluate(
                "(el, want) => new Promise((resolve, reject) => { const t0 = performance.now(); const check = () => {"
                " const a = document.activeElement,"
                " cur = el.querySelector('table[role=grid] [role=gridcell][aria-selected=true]');"
                " const inRow = (c) => !!c && el.contains(c)"
                " && +c.closest('[role=row]').getAttribute('aria-rowindex') === want;"
                " if (inRow(a) && inRow(cur)) resolve(true);"
                " else if (performance.now() - t0 > 5000) reject(new Error('no'));"
                " else requestAnimationFrame(check); }; check(); })", want)
            break
        except PlaywrightError:  # the grid took the focus on its own cursor: focus the cell again
            continue
    active = grid.evaluate(_ACTIVE_ROW)
    assert active == {"row": want, "first": first_cell}, f"the grid's focus is on {active}, not on row {want}"
    page.keyboard.press("Shift+Space")


def plan_coverage(page) -> str:
    """The Planscan's 'Gefundeerde risicofactoren: N van M gedekt' (without the expander's icon
    ligature)."""
    summary = page.locator("summary").filter(has_text="Gefundeerde risicofactoren").first
    expect(summary).to_contain_text(re.compile(r"Gefundeerde risicofactoren: \d+ van \d+ gedekt"), timeout=60_000)
    return re.search(r"Gefundeerde risicofactoren: \d+ van \d+ gedekt", summary.inner_text()).group(0)


_LAYOUT_SETTLED = """(frames) => {
    const charts = [...document.querySelectorAll('[data-testid=stVegaLiteChart]')];
    if (!charts.every(c => c.querySelector('svg, canvas'))) return false;
    const main = document.querySelector('[data-testid=stMain]');
    const shape = [main.scrollHeight, main.scrollWidth, document.documentElement.scrollWidth,
        ...charts.map(c => { const r = c.getBoundingClientRect(); return `${r.width}x${r.height}`; })].join();
    if (window.__kkShape !== shape) { window.__kkShape = shape; window.__kkSame = 0; return false; }
    return ++window.__kkSame >= frames;
}"""


def wait_for_layout(page, frames: int = 10, timeout: float = 30_000) -> None:
    """Wait until the app is idle, every chart is drawn, and the page's size and the charts'
    sizes have stayed the same for ``frames`` animation frames (charts lay out after the run)."""
    wait_for_app(page, timeout)
    page.evaluate("() => { window.__kkShape = null; window.__kkSame = 0; }")
    page.wait_for_function(_LAYOUT_SETTLED, arg=frames, polling="raf", timeout=timeout)


def open_expanders(page) -> None:
    """Open every visible closed expander until none is left once the page has settled: a lazy
    tab or expander may draw new closed expanders after the run that the click set off."""
    closed = page.locator("[data-testid=stExpander] details:not([open]) > summary").filter(visible=True)
    for _ in range(40):
        if closed.count():
            closed.first.click()
            wait_for_app(page)
            continue
        wait_for_layout(page)
        if closed.count() == 0:
            return
    raise AssertionError("expanders keep closing")


def open_factor_map(page, url: str) -> None:
    """Open Factoren and its tab with the visual kenniskaart."""
    page.goto(f"{url}/factoren")
    wait_for_app(page)
    page.get_by_role("tab", name="Kenniskaart (visueel)").click()
    wait_for_app(page)
