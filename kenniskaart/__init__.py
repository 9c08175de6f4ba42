"""Kenniskaart Preventie met Gezag: content, the Aanbeveler, the Planscan and helpers (no Streamlit here)."""

__version__ = "0.1.0"
