"""What Streamlit's own elements cost the browser: one-element pages next to a bare page.

    python bench/bench_widgets.py [--warm 5]

Why a catalogue page cannot get close to a bare page: each app below is a title plus one
kind of element, served by its own server; every load is a new browser context (empty cache,
new session), as in bench_pages.py. Apps (written to a temporary folder):

* bare: the title only;
* dataframe: ``st.dataframe`` of 100 rows × 6 text columns (the Factoren/Interventies list);
* table: the same frame as a static ``st.table``;
* multiselects: seven ``st.multiselect`` with 40 options each (a filter panel);
* pills: seven ``st.pills`` (multi) with 4 options each (the same panel for short lists);
* chart: one ``st.vega_lite_chart`` bar chart of 8 bars;
* markdown: 60 ``st.markdown`` paragraphs.

Printed: warm median time-to-loaded per app and its ratio to the bare page. No assertions.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CHROMIUM, CHROMIUM_ARGS, StreamlitServer, machine_info, median, table  # noqa: E402
from bench_pages import load_once  # noqa: E402

HEAD = "import pandas as pd\nimport streamlit as st\nst.title('Test')\n"
FRAME = "pd.DataFrame({f'kolom {i}': [f'tekst {j} in kolom {i}' for j in range(100)] for i in range(6)})"
APPS = {
    "bare": "",
    "dataframe": f"st.dataframe({FRAME}, hide_index=True)\n",
    "table": f"st.table({FRAME}, hide_index=True)\n",
    "multiselects": "for i in range(7):\n    st.multiselect(f'Filter {i}', [f'optie {j}' for j in range(40)], key=f'm{i}')\n",
    "pills": "for i in range(7):\n    st.pills(f'Filter {i}', [f'optie {j}' for j in range(4)], selection_mode='multi', key=f'p{i}')\n",
    "chart": (
        "st.vega_lite_chart({'data': {'values': [{'a': str(i), 'b': i} for i in range(8)]}, 'mark': 'bar',"
        " 'encoding': {'y': {'field': 'a', 'type': 'nominal'}, 'x': {'field': 'b', 'type': 'quantitative'}}},"
        " width='stretch')\n"
    ),
    "markdown": "for i in range(60):\n    st.markdown(f'Alinea {i} met **wat** tekst.')\n",
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--warm", type=int, default=5)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    print(f"# bench_widgets  {machine_info()}  warm n={args.warm}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        servers = {}
        try:
            for name, body in APPS.items():
                (folder / f"{name}.py").write_text(HEAD + body)
                servers[name] = StreamlitServer(folder / f"{name}.py", cwd=folder).start()
            times: dict[str, list[float]] = {name: [] for name in APPS}
            problems = []
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    for rep in range(args.warm + 1):  # the first round is the cold load
                        for name, server in servers.items():  # interleaved: the same machine noise
                            result, problem = load_once(browser, server.url + "/", "[data-testid=stMain] h1")
                            if problem:
                                problems.append(f"{name}: {problem}")
                            elif rep:
                                times[name].append(result["wall"])
                finally:
                    browser.close()
        finally:
            for server in servers.values():
                server.stop()
    bare = median(times["bare"])
    rows = [[name, len(ts), median(ts), median(ts) / bare] for name, ts in times.items()]
    print(table(["app (title + …)", "n", "warm median ms", "ratio to bare"], rows, digits=2))
    print("\n".join(problems) if problems else "# no errors")


if __name__ == "__main__":
    main()
