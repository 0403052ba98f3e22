"""The declarative canvas definitions cover their models, list their enums and lay out their sheets."""

import itertools
import types
import typing
from enum import Enum

import pytest
from pydantic import BaseModel

from canvases import CANVASES
from canvases.definition import Box, CanvasDef, Column, FieldDef, FieldKind, SectionDef
from models.workspace import Workspace

TOLERANCE = 0.005


def canvas_model(canvas: CanvasDef) -> type[BaseModel]:
    """The pydantic model of one canvas, found through the Workspace list that holds it."""
    annotation = Workspace.model_fields[canvas.collection].annotation
    (model,) = typing.get_args(annotation)
    assert _is_model(model)
    return typing.cast(type[BaseModel], model)


def _plain(annotation: typing.Any) -> typing.Any:
    """`X | None` -> X; anything else unchanged."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(args) == 1:
        return args[0]
    return annotation


def _is_model(annotation: object) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def leaf_paths(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Dotted paths of every field, descending into nested models but not into lists."""
    paths = []
    for field, info in model.model_fields.items():
        annotation = _plain(info.annotation)
        if _is_model(annotation):
            paths.extend(leaf_paths(annotation, f"{prefix}{field}."))
        else:
            paths.append(f"{prefix}{field}")
    return paths


def annotation_at(model: type[BaseModel], path: str) -> typing.Any:
    *parents, last = path.split(".")
    for part in parents:
        model = _plain(model.model_fields[part].annotation)
    return model.model_fields[last].annotation


def enum_of(annotation: typing.Any) -> type[Enum]:
    """The enum in `E`, `E | None` or `list[E]`."""
    annotation = _plain(annotation)
    if typing.get_origin(annotation) is list:
        (annotation,) = typing.get_args(annotation)
    assert isinstance(annotation, type) and issubclass(annotation, Enum), f"{annotation} is not an enum"
    return annotation


def item_model(model: type[BaseModel], path: str) -> type[BaseModel] | None:
    """The record model of a list-of-records field, or None for a list of plain values."""
    annotation = _plain(annotation_at(model, path))
    assert typing.get_origin(annotation) is list, f"{path} is not a list"
    (item,) = typing.get_args(annotation)
    return typing.cast(type[BaseModel], item) if _is_model(item) else None


ALL = list(CANVASES.values())
FIELDS = [(c, s, f) for c in ALL for s, f in c.fields()]


def _field_id(value: object) -> str | None:
    if isinstance(value, CanvasDef):
        return value.key
    if isinstance(value, SectionDef):
        return value.key
    if isinstance(value, FieldDef):
        return value.key
    return None


def test_there_are_the_three_canvases_registered_by_their_key() -> None:
    assert set(CANVASES) == {"bounded_context", "architecture_communication", "api_product"}
    assert all(key == canvas.key for key, canvas in CANVASES.items())


@pytest.mark.parametrize("canvas", ALL, ids=_field_id)
def test_the_canvas_names_a_workspace_collection_and_a_name_field(canvas: CanvasDef) -> None:
    model = canvas_model(canvas)
    assert canvas.name_field in model.model_fields
    assert canvas.aspect > 0


@pytest.mark.parametrize("canvas", ALL, ids=_field_id)
def test_every_leaf_field_of_the_model_is_on_the_canvas(canvas: CanvasDef) -> None:
    # Except what a Context Mapper import keeps (models.context_mapper): no canvas shows it, the export writes it.
    keys = [f.key for _, f in canvas.fields()] + ["context_mapper"]
    uncovered = [
        path
        for path in leaf_paths(canvas_model(canvas))
        if not any(path == key or path.startswith(key + ".") for key in keys)
    ]
    assert not uncovered, f"{canvas.key} has no field for {uncovered}"


@pytest.mark.parametrize("canvas", ALL, ids=_field_id)
def test_every_field_key_names_a_field_of_the_model(canvas: CanvasDef) -> None:
    model = canvas_model(canvas)
    keys = [f.key for _, f in canvas.fields()]
    for key in keys:
        annotation_at(model, key)  # raises KeyError for a key that is not in the model
    assert len(keys) == len(set(keys)), "a field is on the canvas twice"
    sections = [s.key for s in canvas.sections]
    assert len(sections) == len(set(sections)), "two sections share a key"


@pytest.mark.parametrize(
    ("canvas", "section", "field"),
    [(c, s, f) for c, s, f in FIELDS if f.kind in (FieldKind.CHOICE, FieldKind.MULTI_CHOICE)],
    ids=_field_id,
)
def test_a_choice_field_lists_exactly_the_values_of_its_enum(
    canvas: CanvasDef, section: SectionDef, field: FieldDef
) -> None:
    annotation = annotation_at(canvas_model(canvas), field.key)
    assert [o.value for o in field.options] == [m.value for m in enum_of(annotation)]
    assert all(o.label.strip() for o in field.options)
    is_list = typing.get_origin(_plain(annotation)) is list
    assert is_list == (field.kind is FieldKind.MULTI_CHOICE)


CHOICE_COLUMNS = [(c, f, column) for c, _, f in FIELDS for column in f.columns if column.kind is FieldKind.CHOICE]


@pytest.mark.parametrize(
    ("canvas", "field", "column"),
    CHOICE_COLUMNS,
    ids=[f"{c.key}-{f.key}-{col.key}" for c, f, col in CHOICE_COLUMNS],
)
def test_a_choice_column_lists_exactly_the_values_of_its_enum(
    canvas: CanvasDef, field: FieldDef, column: Column
) -> None:
    record = item_model(canvas_model(canvas), field.key)
    assert record is not None, f"{field.key} holds plain values, not records with a {column.key}"
    assert [o.value for o in column.options] == [m.value for m in enum_of(record.model_fields[column.key].annotation)]


def test_there_are_choice_columns_to_check() -> None:
    assert {(f.key, col.key) for _, f, col in CHOICE_COLUMNS} >= {
        ("core_decisions", "verdict"),
        ("verification_metrics", "source"),
    }


@pytest.mark.parametrize(
    ("canvas", "field"),
    [(c, f) for c, _, f in FIELDS if f.kind is FieldKind.TABLE],
    ids=lambda v: _field_id(v),
)
def test_every_column_of_a_table_is_a_field_of_its_record(canvas: CanvasDef, field: FieldDef) -> None:
    record = item_model(canvas_model(canvas), field.key)
    assert record is not None
    assert [c.key for c in field.columns if c.key not in record.model_fields] == []


@pytest.mark.parametrize("canvas", ALL, ids=_field_id)
def test_every_printed_section_lies_within_the_sheet(canvas: CanvasDef) -> None:
    for section in canvas.sections:
        if section.box is None:
            assert section.extension, f"{section.key} is neither printed nor an extension"
            continue
        box = section.box
        assert box.w > 0 and box.h > 0, section.key
        assert box.x >= 0 and box.x + box.w <= 1 + 1e-9, f"{section.key} leaves the sheet sideways"
        assert box.y >= 0 and box.y + box.h <= 1 + 1e-9, f"{section.key} leaves the sheet at the top or bottom"


def _overlap(a: Box, b: Box) -> tuple[float, float]:
    return (min(a.x + a.w, b.x + b.w) - max(a.x, b.x), min(a.y + a.h, b.y + b.h) - max(a.y, b.y))


@pytest.mark.parametrize("canvas", ALL, ids=_field_id)
def test_printed_sections_do_not_overlap(canvas: CanvasDef) -> None:
    printed = [(s.key, s.box) for s in canvas.sections if s.box is not None]
    overlapping = [
        (a, b)
        for (a, a_box), (b, b_box) in itertools.combinations(printed, 2)
        if all(extent > TOLERANCE for extent in _overlap(a_box, b_box))
    ]
    assert not overlapping


def test_the_overlap_check_notices_overlapping_and_ignores_touching_boxes() -> None:
    assert all(e > TOLERANCE for e in _overlap(Box(0, 0, 0.5, 0.5), Box(0.4, 0.4, 0.5, 0.5)))
    assert not all(e > TOLERANCE for e in _overlap(Box(0, 0, 0.5, 0.5), Box(0.5, 0, 0.5, 0.5)))
    assert not all(e > TOLERANCE for e in _overlap(Box(0, 0, 0.5, 0.5), Box(0.497, 0.2, 0.5, 0.5)))


# --- label_for ------------------------------------------------------------------------------------


def _section_and_field(canvas: CanvasDef, key: str) -> tuple[SectionDef, FieldDef]:
    return next((s, f) for s, f in canvas.fields() if f.key == key)


def test_a_nested_path_is_labelled_section_and_field() -> None:
    canvas = CANVASES["bounded_context"]
    section, field = _section_and_field(canvas, "ai_profile.sla.freshness")
    assert canvas.label_for("ai_profile.sla.freshness") == f"{section.title} › {field.label}"
    assert canvas.label_for("ai_profile.sla.freshness") == "AI profile › SLA freshness"


@pytest.mark.parametrize(
    ("canvas_key", "path", "field_key"),
    [
        ("bounded_context", "domain", "domain"),
        ("bounded_context", "ai_profile.kind", "ai_profile.kind"),
        ("bounded_context", "verification_metrics[1].source", "verification_metrics"),
        ("api_product", "sync_api.aggregates[0].operations[1].name", "sync_api.aggregates"),
        ("api_product", "async_api.events_sent[2].payload", "async_api.events_sent"),
        ("architecture_communication", "components[0].bounded_context", "components"),
    ],
)
def test_a_path_inside_a_field_is_labelled_by_its_section_and_field(canvas_key: str, path: str, field_key: str) -> None:
    canvas = CANVASES[canvas_key]
    section, field = _section_and_field(canvas, field_key)
    label = canvas.label_for(path)
    assert label == (section.title if field.label == section.title else f"{section.title} › {field.label}")
    assert section.title in label


def test_a_field_named_like_its_section_is_labelled_by_the_section_alone() -> None:
    canvas = CANVASES["bounded_context"]
    assert canvas.label_for("inbound[0].messages[1].name") == "Inbound Communication"
    assert canvas.label_for("purpose") == "Purpose"


def test_the_longest_matching_field_key_wins() -> None:
    canvas = CANVASES["api_product"]
    assert canvas.label_for("sync_api.server") == "Synchronous API › Server"
    assert canvas.label_for("sync_api.serverless") == "sync_api.serverless"


@pytest.mark.parametrize("path", ["nothing.here", "ai_profile", "", "namespace"])
def test_a_path_that_matches_no_field_is_returned_as_is(path: str) -> None:
    assert CANVASES["bounded_context"].label_for(path) == path
