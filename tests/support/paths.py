"""Where things are: the project's root (app.py, pages/, content/) and the test content folders."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
"""The project's root: app.py, pages/, kenniskaart/, content/."""

FIXTURES = ROOT / "tests" / "fixtures"
"""Made-up content folders for KENNISKAART_CONTENT: good/, bad/<kind>/, hostile/."""
