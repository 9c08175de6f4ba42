"""The content validator: one function per rule, registered in ``CHECKS``.

Each check takes a ``Kenniskaart`` and yields a ``ContentIssue`` (file, item id, field, Dutch
message) per problem. ``load_content`` runs the checks marked ``on_load`` and refuses content
that fails one (the app cannot work with a broken reference); ``python -m kenniskaart validate``
runs them all, on the shipped content or any ``KENNISKAART_CONTENT`` folder. A check of level
``waarschuwing`` is printed without failing the validation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from ..issues import ContentIssue
from ..kenniskaart import Kenniskaart
from . import claims, code_ids, references, texts, twins
from .code_ids import CODE_IDS, named_in_code

Rule = Callable[[Kenniskaart], Iterable[ContentIssue]]


@dataclass(frozen=True)
class Check:
    rule: Rule
    on_load: bool = False
    """Run by the loader too (content that fails it is refused)."""
    level: Literal["fout", "waarschuwing"] = "fout"

    @property
    def name(self) -> str:
        return self.rule.__name__


CHECKS: tuple[Check, ...] = (
    # references: every id names an item of the right collection and kind
    Check(references.sources_exist, on_load=True),
    Check(references.themes_exist, on_load=True),
    Check(references.factors_exist, on_load=True),
    Check(references.help_levels_exist, on_load=True),
    Check(references.guidance_exists, on_load=True),
    Check(references.interventions_exist, on_load=True),
    Check(references.indicator_items_exist, on_load=True),
    Check(references.addresses_are_https, on_load=True),
    Check(references.monitor_indicators_are_used, on_load=True),
    Check(references.plan_sections_complete, on_load=True),
    # relations between factors
    Check(twins.twins_name_each_other, on_load=True),
    Check(twins.twin_classes_are_complete, on_load=True),
    Check(twins.mirrors_name_each_other, on_load=True),
    Check(twins.related_are_not_twins_and_name_each_other, on_load=True),
    # claims are backed
    Check(claims.cautions_cite_a_source),
    Check(claims.effects_cite_a_source),
    Check(claims.recognitions_name_committee_and_page),
    Check(claims.reassessments_carry_a_caution),
    Check(claims.not_working_cautions_link_their_verdict),
    Check(claims.doelgroep_ages_within_item_ages),
    Check(claims.factor_links_are_unique_and_explained),
    Check(claims.recognitions_to_check_again, level="waarschuwing"),
    # addresses and words users read
    Check(texts.addresses_are_well_formed),
    Check(texts.reading_dates_belong_to_an_address),
    Check(texts.databank_pages_carry_a_peildatum),
    Check(texts.no_internal_words),
    # ids the code relies on
    Check(code_ids.ids_named_in_code_exist),
)


def run_checks(kk: Kenniskaart, *, on_load: bool = False) -> tuple[list[ContentIssue], list[ContentIssue]]:
    """(errors, warnings) of every check (only the ``on_load`` ones when ``on_load``)."""
    errors: list[ContentIssue] = []
    warnings: list[ContentIssue] = []
    for check in CHECKS:
        if on_load and not check.on_load:
            continue
        (errors if check.level == "fout" else warnings).extend(check.rule(kk))
    return errors, warnings


__all__ = ["CHECKS", "CODE_IDS", "Check", "named_in_code", "run_checks"]
