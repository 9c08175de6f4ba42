"""The English Streamlit might show, and the few phrases it hard-codes (the README names them):
the browser tests check that a user reads Dutch everywhere else."""

from __future__ import annotations

import re

ENGLISH = [
    "Select all", "Select ", "Choose an option", "No results", "Drag and drop", "Browse files",
    "Limit 200MB", "per file", "Upload", "Copy to clipboard", "Page not found", "Clear all",
    "Show more", "Show less", "Press Enter", "Loading", "Running", "Made with Streamlit",
    "You can now", "Please", "Error", "Something went wrong",
]
"""English UI phrases Streamlit might show (matched case-sensitively as phrases)."""


STREAMLIT_OWN = {
    "Upload": "the file uploader's button (st.file_uploader has no parameter for it)",
    "per file": "the file uploader's size line '200MB per file • JSON'",
}
"""English that Streamlit 1.67 hard-codes in visible text; listed in the README."""


def english_in(text: str) -> set[str]:
    found = set()
    for phrase in ENGLISH:
        if re.search(rf"(?<![A-Za-z]){re.escape(phrase)}", text):
            found.add(phrase)
    return found
