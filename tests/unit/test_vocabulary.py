"""Every vocabulary value has its Dutch words: each ``Literal`` type the content schema uses (found
by walking the pydantic models from ``COLLECTIONS``) and each one the vocabulary module defines
has a label for every value, and an explanation for every value where that vocabulary has
explanations. A value added to a ``Literal`` without a label fails here, not as a ``KeyError``
on screen."""

from __future__ import annotations

from typing import Literal, get_args, get_origin

import pytest
from pydantic import BaseModel

from kenniskaart import vocabulary
from kenniskaart.aanbeveler import RULES
from kenniskaart.models import COLLECTIONS
from kenniskaart.vocabulary import (
    EVIDENCE_ORDER,
    EVIDENCE_RANK,
    EXPLANATIONS,
    FACTOR_STRENGTH,
    LABELS,
    STRENGTH_EXPLAINED,
    STRENGTHS,
    Evidence,
)


def _walk(annotation: object, literals: set[object], models: set[type[BaseModel]]) -> None:
    """Collect the ``Literal`` types and the nested models inside a field's annotation."""
    if get_origin(annotation) is Literal:
        literals.add(annotation)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        models.add(annotation)
    else:  # list[...], X | None, Annotated[...], tuple[..., ...]
        for arg in get_args(annotation):
            _walk(arg, literals, models)


def schema_literals() -> set[object]:
    """Every ``Literal`` type a content model (or a model nested in one) uses for a field or a
    computed field."""
    literals: set[object] = set()
    todo: set[type[BaseModel]] = set(COLLECTIONS.values())
    seen: set[type[BaseModel]] = set()
    while todo:
        model = todo.pop()
        seen.add(model)
        found: set[type[BaseModel]] = set()
        for field in model.model_fields.values():
            _walk(field.annotation, literals, found)
        for computed in model.model_computed_fields.values():
            _walk(computed.return_type, literals, found)
        todo |= found - seen
    return literals


def vocabulary_literals() -> set[object]:
    """Every ``Literal`` type the vocabulary module exports."""
    return {value for name in vocabulary.__all__ if get_origin(value := getattr(vocabulary, name)) is Literal}


ALL_LITERALS = sorted(schema_literals() | vocabulary_literals(), key=repr)


def test_the_walk_finds_the_schema_vocabularies():
    """The introspection itself works: it sees a top-level field, a nested model's field, a list of
    values and a computed field."""
    found = schema_literals()
    assert {vocabulary.FactorKind, vocabulary.CautionKind, vocabulary.Requirement, vocabulary.AgeGroup} <= found
    assert len(found) >= 20


@pytest.mark.parametrize("literal", ALL_LITERALS, ids=repr)
def test_every_value_has_a_dutch_label(literal):
    assert literal in LABELS, f"{literal} has no labels in vocabulary.LABELS"
    labels = LABELS[literal]
    values = get_args(literal)
    missing = [v for v in values if not (isinstance(labels.get(v), str) and labels[v].strip())]
    assert not missing, f"no Dutch label for {missing} of {literal}"
    stray = set(labels) - set(values)
    assert not stray, f"labels for values {literal} does not have: {stray}"


@pytest.mark.parametrize("literal", sorted(EXPLANATIONS, key=repr), ids=repr)
def test_every_value_has_an_explanation_where_its_vocabulary_explains(literal):
    explained = EXPLANATIONS[literal]
    missing = [v for v in get_args(literal) if not (isinstance(explained.get(v), str) and explained[v].strip())]
    assert not missing, f"no explanation for {missing} of {literal}"
    assert set(explained) <= set(get_args(literal))


def test_registries_name_only_vocabularies():
    assert all(get_origin(t) is Literal for t in (*LABELS, *EXPLANATIONS))
    assert set(EXPLANATIONS) <= set(LABELS)


# --- one evidence order -------------------------------------------------------------------


def test_evidence_order_is_the_vocabulary_once():
    assert sorted(EVIDENCE_ORDER) == sorted(get_args(Evidence))
    assert [EVIDENCE_RANK[e] for e in EVIDENCE_ORDER] == list(range(len(EVIDENCE_ORDER)))


def test_strength_classes_and_weights_follow_the_evidence_order():
    """The map's colour class never gets stronger and the Aanbeveler's weight never grows from a
    stronger evidence marking to a weaker one."""
    classes = [STRENGTHS.index(FACTOR_STRENGTH[e]) for e in EVIDENCE_ORDER]
    assert classes == sorted(classes)
    weights = [RULES["score"]["evidence"][e] for e in EVIDENCE_ORDER]
    assert weights == sorted(weights, reverse=True)
    assert set(STRENGTH_EXPLAINED) == set(STRENGTHS)
