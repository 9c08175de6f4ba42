"""The versioned JSON file a user downloads and opens again (plan file, werkmap): one envelope.

A file is ``{"formaat": <format>, "versie": <version>, ...body}``. Reading is strict and in a
fixed order: size, UTF-8 JSON, ``formaat``, ``versie``, then the body against a pydantic model;
the first thing wrong raises the file's own error type with a Dutch message for the user (the
first pydantic error, by its place in the file). Pure, no Streamlit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .content import user_message

M = TypeVar("M", bound=BaseModel)

FORMAT_KEY = "formaat"
VERSION_KEY = "versie"


def invalid_at(exc: ValidationError) -> str:
    """The first pydantic error as "'<place in the file>': <Dutch message>"."""
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"]) or "het bestand"
    return f"'{where}': {user_message(dict(err))}"


@dataclass(frozen=True)
class Envelope:
    """One file format and the Dutch words of its messages."""

    format: str
    version: int
    max_bytes: int
    error: type[ValueError]
    """Raised with the Dutch message; the caller changes nothing."""
    size_name: str
    """'een plan': 'Het bestand is te groot voor een plan (meer dan 200 kB).'"""
    not_this: str
    """'Dit is geen planbestand van de kenniskaart': before '(geen geldige JSON).' and ``no_format``."""
    no_format: str
    """What follows ``not_this`` when 'formaat' is missing or another format's."""
    version_of: str
    """'het planbestand': 'Onbekende versie van het planbestand: 2.'"""
    invalid: str
    """'Het planbestand is ongeldig': "… bij 'interventions.0': moet tekst zijn."""

    def write(self, body: dict[str, Any]) -> bytes:
        data = {FORMAT_KEY: self.format, VERSION_KEY: self.version, **body}
        return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")

    def read(self, raw: bytes) -> dict[str, Any]:
        """The body (without 'formaat' and 'versie') of a file of this format and version."""
        if len(raw) > self.max_bytes:
            raise self.error(f"Het bestand is te groot voor {self.size_name} (meer dan {self.max_bytes // 1000} kB).")
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise self.error(f"{self.not_this} (geen geldige JSON).") from None
        if not isinstance(data, dict) or data.get(FORMAT_KEY) != self.format:
            raise self.error(f"{self.not_this} {self.no_format}")
        if data.get(VERSION_KEY) != self.version:
            raise self.error(f"Onbekende versie van {self.version_of}: {data.get(VERSION_KEY)!r}.")
        return {k: v for k, v in data.items() if k not in (FORMAT_KEY, VERSION_KEY)}

    def validate(self, model: type[M], body: dict[str, Any]) -> M:
        """``body`` as ``model``; the first error in Dutch, by its place in the file."""
        try:
            return model.model_validate(body)
        except ValidationError as exc:
            raise self.error(f"{self.invalid} bij {invalid_at(exc)}.") from None

    def parse(self, model: type[M], raw: bytes) -> M:
        """``read`` and ``validate`` in one."""
        return self.validate(model, self.read(raw))
