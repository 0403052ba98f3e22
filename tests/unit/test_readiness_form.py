"""The readiness form's definition covers the readiness model: every field, the enums' values, tables' records."""

import pytest

from canvases.definition import FieldDef, FieldKind
from canvases.readiness import READINESS
from models.workspace import Workspace
from tests.unit.test_canvas_definitions import annotation_at, enum_of, item_model, leaf_paths

FIELDS = [f for _, f in READINESS.fields()]


def test_every_leaf_of_the_readiness_model_has_a_field_and_every_field_is_in_the_model() -> None:
    keys = [f.key for f in FIELDS]
    leaves = [p for p in leaf_paths(Workspace) if p.startswith("readiness.")]
    assert len(leaves) >= 20
    assert [p for p in leaves if not any(p == k or p.startswith(k + ".") for k in keys)] == []
    for key in keys:
        annotation_at(Workspace, key)  # a key outside the model raises KeyError
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("field", [f for f in FIELDS if f.kind is FieldKind.CHOICE], ids=lambda f: f.key)
def test_a_choice_lists_exactly_its_enum(field: FieldDef) -> None:
    enum = enum_of(annotation_at(Workspace, field.key))
    assert [o.value for o in field.options] == [m.value for m in enum]


@pytest.mark.parametrize("field", [f for f in FIELDS if f.kind is FieldKind.TABLE], ids=lambda f: f.key)
def test_a_table_edits_every_field_of_its_record_and_its_choices_list_their_enums(field: FieldDef) -> None:
    record = item_model(Workspace, field.key)
    assert record is not None
    assert [c.key for c in field.columns] == list(record.model_fields)
    for column in field.columns:
        if column.kind is FieldKind.CHOICE:
            assert [o.value for o in column.options] == [
                m.value for m in enum_of(record.model_fields[column.key].annotation)
            ]


@pytest.mark.parametrize("field", [f for f in FIELDS if f.kind is FieldKind.LIST], ids=lambda f: f.key)
def test_a_list_is_edited_as_one_value_column(field: FieldDef) -> None:
    assert item_model(Workspace, field.key) is None
    assert [c.key for c in field.columns] == ["value"]  # without it the table editor drops the entries
