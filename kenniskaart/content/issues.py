"""What the loader and the validator report: one ``ContentIssue`` per problem, raised together
as ``ContentInvalid``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ContentIssue:
    """One validation problem: where it is (file, item id, field) and what is wrong."""

    file: str
    item: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: item '{self.item}', veld '{self.field}': {self.message}"


class ContentInvalid(Exception):
    """Raised by ``load_content`` with every problem found."""

    def __init__(self, issues: list[ContentIssue]):
        self.issues = issues
        lines = "\n".join(f"- {i}" for i in issues)
        super().__init__(f"{len(issues)} fout(en) in de inhoud:\n{lines}")
