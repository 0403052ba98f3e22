"""Any valid workspace survives dump -> parse unchanged, whatever text it holds."""

import contextlib
import json
import typing
from collections import defaultdict
from enum import Enum

from hypothesis import HealthCheck, Phase, Verbosity, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from formats.workspace_json.workspace_file import dump_workspace_json, parse_workspace_json
from models.workspace import Workspace
from tests.unit.workspace_strategies import AWKWARD_TEXTS, ENTRY_ROLES, RELATIONSHIP_ROLES, workspaces

FAST = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FAST
@given(workspaces())
def test_a_dumped_workspace_parses_back_to_an_equal_workspace(ws: Workspace) -> None:
    assert parse_workspace_json(dump_workspace_json(ws), "x") == ws


@FAST
@given(workspaces())
def test_a_dumped_workspace_parses_back_from_its_utf8_bytes(ws: Workspace) -> None:
    text = dump_workspace_json(ws)
    assert parse_workspace_json(text.encode("utf-8"), "x.json") == ws
    assert dump_workspace_json(parse_workspace_json(text, "x")) == text


@FAST
@given(workspaces())
def test_a_dumped_workspace_is_plain_json_that_keeps_every_character_as_typed(ws: Workspace) -> None:
    text = dump_workspace_json(ws)
    assert text.endswith("}\n")
    assert json.loads(text) == ws.model_dump(mode="json")
    for awkward in AWKWARD_TEXTS:
        if any(awkward in s for s in _strings(ws)):
            # Non-ASCII is written as typed; only JSON's own escapes (quotes, controls) change it.
            assert json.dumps(awkward, ensure_ascii=False)[1:-1] in text


def _strings(ws: Workspace) -> list[str]:
    found: list[str] = []

    def visit(value: object) -> None:
        if isinstance(value, str) and not isinstance(value, Enum):
            found.append(value)
        elif isinstance(value, BaseModel):
            for field in type(value).model_fields:
                visit(getattr(value, field))
        elif isinstance(value, list):
            for item in value:
                visit(item)

    visit(ws)
    return found


# --- the strategy itself reaches every option ----------------------------------------------------


def _types_in(annotation: object) -> typing.Iterator[type]:
    origin = typing.get_origin(annotation)
    if origin is None:
        if isinstance(annotation, type):
            yield annotation
        return
    for arg in typing.get_args(annotation):
        yield from _types_in(arg)


def _model_classes(root: type[BaseModel]) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    pending = [root]
    while pending:
        model = pending.pop()
        if model in found:
            continue
        found.append(model)
        for info in model.model_fields.values():
            pending.extend(t for t in _types_in(info.annotation) if issubclass(t, BaseModel))
    return found


MODELS = _model_classes(Workspace)
ENUMS = {
    t
    for model in MODELS
    for info in model.model_fields.values()
    for t in _types_in(info.annotation)
    if issubclass(t, Enum)
}
# Fields that a valid workspace can only hold at their default.
ALWAYS_DEFAULT = {"Workspace.schema_version"}


def _record(value: object, enum_values: set[str], changed_fields: set[str]) -> None:
    if isinstance(value, Enum):
        # By name: StrEnum members of different enums with one value compare (and hash) equal.
        enum_values.add(f"{type(value).__name__}.{value.name}")
    elif isinstance(value, BaseModel):
        for field, info in type(value).model_fields.items():
            item = getattr(value, field)
            if item != info.get_default(call_default_factory=True):
                changed_fields.add(f"{type(value).__name__}.{field}")
            _record(item, enum_values, changed_fields)
    elif isinstance(value, list):
        for item in value:
            _record(item, enum_values, changed_fields)


def test_the_model_walk_finds_every_canvas_and_enum() -> None:
    names = {model.__name__ for model in MODELS}
    assert {
        "BoundedContextCanvas",
        "ArchitectureCommunicationCanvas",
        "ApiProductCanvas",
        "ServiceLevel",
        "Operation",
    } <= names
    assert {e.__name__ for e in ENUMS} >= {
        "Role",
        "Side",
        "RelationshipPattern",
        "DomainRole",
        "DecisionVerdict",
        "AiKind",
    }


class _Covered(Exception):
    """Ends a collection run as soon as everything has been seen."""


def _collect(
    strategy: st.SearchStrategy[typing.Any],
    record: typing.Callable[[typing.Any], None],
    done: typing.Callable[[], bool],
    examples: int = 500,
) -> None:
    """Draws up to `examples` values into `record`, stopping early once `done()` holds."""

    @settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        verbosity=Verbosity.quiet,
    )
    @given(strategy)
    def collect(value: typing.Any) -> None:
        record(value)
        if done():
            raise _Covered

    with contextlib.suppress(_Covered):
        collect()


Drawn = dict[str, typing.Any]
ALL_ENUM_VALUES = {f"{kind.__name__}.{member.name}" for kind in ENUMS for member in kind}
ALL_FIELDS = {f"{model.__name__}.{field}" for model in MODELS for field in model.model_fields} - ALWAYS_DEFAULT


def test_the_workspace_strategy_draws_every_enum_value_and_sets_every_field() -> None:
    enum_values: set[str] = set()
    changed_fields: set[str] = set()
    _collect(
        workspaces(),
        lambda ws: _record(ws, enum_values, changed_fields),
        lambda: enum_values >= ALL_ENUM_VALUES and changed_fields >= ALL_FIELDS,
    )
    missing_values = ALL_ENUM_VALUES - enum_values
    assert not missing_values, f"the strategy never drew {sorted(missing_values)}"
    never_set = ALL_FIELDS - changed_fields
    assert not never_set, f"the strategy never set {sorted(never_set)}"


def test_the_relationship_strategy_puts_every_role_everywhere_the_rules_allow_it() -> None:
    roles_by_place: dict[str, set[str]] = defaultdict(set)

    def record(drawn: Drawn) -> None:
        pattern = drawn["pattern"].value
        roles_by_place[f"{pattern} upstream"].update(r.value for r in drawn["upstream_roles"])
        roles_by_place[f"{pattern} downstream"].update(r.value for r in drawn["downstream_roles"])

    expected: dict[str, set[str]] = {
        "upstream_downstream upstream": {"OHS", "PL"},
        "upstream_downstream downstream": {"ACL", "CF"},
        "customer_supplier upstream": {"PL"},
        "customer_supplier downstream": {"ACL"},
        **{
            f"{p} {side}": set()
            for p in ("partnership", "shared_kernel", "separate_ways")
            for side in ("upstream", "downstream")
        },
    }
    _collect(RELATIONSHIP_ROLES, record, lambda: roles_by_place == expected)
    assert dict(roles_by_place) == expected


def test_the_collaborator_strategy_draws_every_pattern_side_and_allowed_role() -> None:
    seen: dict[tuple[str | None, str | None], tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))

    def record(drawn: Drawn) -> None:
        pattern = drawn["pattern"].value if drawn["pattern"] else None
        side = drawn["side"].value if drawn["side"] else None
        own, other = seen[(pattern, side)]
        own.update(r.value for r in drawn["roles"])
        other.update(r.value for r in drawn["collaborator_roles"])

    upstream, downstream = {"OHS", "PL"}, {"ACL", "CF"}
    nothing: tuple[set[str], set[str]] = (set(), set())
    expected: dict[tuple[str | None, str | None], tuple[set[str], set[str]]] = {
        **{
            (p, None): nothing
            for p in (None, "upstream_downstream", "customer_supplier", "partnership", "shared_kernel", "separate_ways")
        },
        (None, "upstream"): (upstream, downstream),
        (None, "downstream"): (downstream, upstream),
        ("upstream_downstream", "upstream"): (upstream, downstream),
        ("upstream_downstream", "downstream"): (downstream, upstream),
        ("customer_supplier", "upstream"): ({"PL"}, {"ACL"}),
        ("customer_supplier", "downstream"): ({"ACL"}, {"PL"}),
    }
    _collect(ENTRY_ROLES, record, lambda: seen == expected)
    assert dict(seen) == expected


def test_the_type_walk_sees_through_optional_and_list_annotations() -> None:
    class Colour(Enum):
        RED = 1

    assert list(_types_in(list[Colour] | None)) == [Colour, type(None)]
    assert list(_types_in(typing.Literal[1])) == []
