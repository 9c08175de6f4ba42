"""Kenniskaart Preventie met Gezag: content, matcher and helpers (no Streamlit here)."""

__version__ = "0.1.0"
