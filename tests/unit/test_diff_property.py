"""Property: the diff between workspaces a and b accounts for every difference between them.

Applying the diff's changes to a (with renamed references following their context, system or team, as
the workbench renames them) gives b, up to the order of lists, which the diff does not count as a change.
"""

import copy
import itertools
import json
from collections.abc import Iterator
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canvases import CANVASES
from diff.diff_model import Change, ChangeKind, EntryRef, PathPart, Renames, WorkspaceDiff
from diff.diff_words import word_ops
from diff.diff_workspaces import diff_workspaces
from models.validation import WorkspaceInvalid, validate_workspace_data
from models.workspace import Workspace
from services.workspaces import rename_context_references
from tests.unit.workspace_strategies import AWKWARD_TEXTS, workspaces

Data = dict[str, Any]
IDENTITIES = {"name", "term", "metric", "quality", "decision", "collaborator", "rule", "subject", "bounded_context"}
REFERENCES = {"upstream", "downstream", "owner_team", "collaborator", "bounded_context"}


# --- applying a diff, written apart from the code under test ---------------------------------------


def follow_renames(data: Data, renames: Renames) -> Data:
    data = copy.deepcopy(data)
    for old, new in renames.parties.items():
        rename_context_references(data, old, new)
    for c in data["bounded_contexts"]:
        c["owner_team"] = renames.teams.get(c["owner_team"], c["owner_team"])
    return data


def _find(items: list[Any], ref: EntryRef) -> int:
    if not ref.fields:
        matches = [i for i, item in enumerate(items) if item == ref.key[0]]
    else:
        matches = [i for i, item in enumerate(items) if tuple(str(item.get(f)) for f in ref.fields) == ref.key]
    return matches[ref.occurrence]


def _locate(root: Any, path: tuple[PathPart, ...]) -> tuple[Any, PathPart]:
    """The container of the last part of `path`, found before anything is changed."""
    container = root
    for part in path[:-1]:
        container = container[_find(container, part) if isinstance(part, EntryRef) else part]
    return container, path[-1]


def apply_changes(root: Any, changes: list[Change]) -> None:
    """Values first, then renames, then removals (last index first), then additions."""
    located = [(change, *_locate(root, change.path)) for change in changes]
    removals: list[tuple[list[Any], int]] = []
    renames = []
    for change, container, last in located:
        if isinstance(last, EntryRef):
            index = _find(container, last) if change.kind is not ChangeKind.ADDED else -1
            if change.kind is ChangeKind.REMOVED:
                removals.append((container, index))
            elif change.kind is ChangeKind.RENAMED:
                renames.append((container[index], last.fields, change.new))
            elif change.kind is ChangeKind.CHANGED:
                container[index] = change.new
        elif change.kind is ChangeKind.CHANGED:
            container[last] = change.new
    for entry, fields, new in renames:
        values = [new] if isinstance(new, str) else list(new) if isinstance(new, list) else [new]
        entry.update(dict(zip(fields, values, strict=True)))
    for container, index in sorted(removals, key=lambda r: (id(r[0]), -r[1])):
        del container[index]
    for change, container, _ in located:
        if change.kind is ChangeKind.ADDED:
            container.append(change.new)


def apply_diff(a: Data, b: Data, diff: WorkspaceDiff) -> Data:
    data = follow_renames(a, diff.renames)
    for canvas in CANVASES.values():
        documents, removed = data[canvas.collection], []
        for d in diff.documents_of(canvas.key):
            if d.status is ChangeKind.ADDED:
                added = [x for x in b[canvas.collection] if x[canvas.name_field] == d.name][d.occurrence]
                documents.append(added)
                continue
            document = [x for x in documents if x[canvas.name_field] == (d.old_name or d.name)][d.occurrence]
            if d.status is ChangeKind.REMOVED:
                removed.append(document)
            else:
                apply_changes(document, list(d.changes))
        data[canvas.collection] = [x for x in documents if not any(x is r for r in removed)]
    for d in diff.documents_of("workspace"):
        apply_changes(data, list(d.changes))
    apply_changes(data, [c for e in diff.map.edges for c in e.declared])
    return data


def unordered(value: Any) -> Any:
    """Lists as multisets: the diff treats a reorder as no change."""
    if isinstance(value, dict):
        return {k: unordered(v) for k, v in value.items()}
    if isinstance(value, list):
        return sorted((unordered(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    return value


def assert_diff_accounts_for_everything(a: Workspace, b: Workspace) -> WorkspaceDiff:
    diff = diff_workspaces(a, b)
    before, after = a.model_dump(mode="json"), b.model_dump(mode="json")
    assert unordered(apply_diff(before, after, diff)) == unordered(after)
    for change in all_changes(diff):
        assert change.kind is not ChangeKind.CHANGED or change.old != change.new, change
    # Every value has a label from a canvas definition: none falls back to the raw "Other fields".
    assert all(s.key != "other" for d in diff.documents for s in d.sections)
    return diff


def all_changes(diff: WorkspaceDiff) -> Iterator[Change]:
    for d in diff.documents:
        yield from d.changes
    for e in diff.map.edges:
        yield from e.changes
        yield from e.declared


# --- b: a edited the way people edit ----------------------------------------------------------------


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index))
    else:
        yield path, value


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


@st.composite
def edited_versions(draw: st.DrawFn) -> tuple[Workspace, Workspace]:
    a = draw(workspaces())
    data = copy.deepcopy(a.model_dump(mode="json"))
    free = [
        (p, v)
        for p, v in _leaves(data)
        if p[0] not in ("schema_version", "accepted_risks") and not (set(map(str, p)) & (IDENTITIES | REFERENCES))
    ]
    chosen: list[tuple[tuple[Any, ...], Any]] = []
    if free:
        chosen = draw(st.lists(st.sampled_from(free), max_size=4, unique_by=lambda pv: pv[0]))
    for path, value in chosen:
        if isinstance(value, bool):
            _set(data, path, not value)
        elif isinstance(value, str):
            _set(data, path, value + draw(st.sampled_from([" more words here", "!", *AWKWARD_TEXTS[:3]])))
    names = [c["name"] for c in data["bounded_contexts"]]
    rename = draw(st.booleans())
    if names and rename:
        old = draw(st.sampled_from(names))
        new = old + draw(st.sampled_from([" Service", "s", " 2"]))
        if new not in names and all(new != s["name"] for s in data["external_systems"]):
            next(c for c in data["bounded_contexts"] if c["name"] == old)["name"] = new
            rename_context_references(data, old, new)
    for context in data["bounded_contexts"]:
        if context["ubiquitous_language"] and draw(st.booleans()):
            context["ubiquitous_language"].pop(draw(st.integers(0, len(context["ubiquitous_language"]) - 1)))
        context["assumptions"].reverse()
    if data["relationships"] and draw(st.booleans()):
        data["relationships"].pop()
    try:
        b = validate_workspace_data(data)
    except WorkspaceInvalid:  # an edit broke a rule (e.g. an awkward text where plain text is needed)
        b = a
    return a, b


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(edited_versions())
def test_the_diff_of_an_edited_workspace_accounts_for_every_difference(versions: tuple[Workspace, Workspace]) -> None:
    a, b = versions
    diff = assert_diff_accounts_for_everything(a, b)
    assert diff.is_empty == (unordered(a.model_dump(mode="json")) == unordered(b.model_dump(mode="json")))


# Two full workspaces at once now and then outgrow Hypothesis's buffer; it discards those draws and counts them
# as filtered, which is no fault of the strategy.
@settings(SETTINGS, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(workspaces(), workspaces())
def test_the_diff_of_two_unrelated_workspaces_accounts_for_every_difference(a: Workspace, b: Workspace) -> None:
    assert_diff_accounts_for_everything(a, b)


@SETTINGS
@given(workspaces())
def test_a_workspace_against_itself_reordered_is_empty(a: Workspace) -> None:
    data = a.model_dump(mode="json")
    for collection in ("bounded_contexts", "relationships", "teams", "external_systems", "api_products"):
        data[collection].reverse()
    for context in data["bounded_contexts"]:
        for key in ("inbound", "outbound", "ubiquitous_language", "assumptions", "domain_roles"):
            context[key].reverse()
    assert diff_workspaces(a, a).is_empty
    diff = diff_workspaces(a, validate_workspace_data(data))
    assert diff.documents == () and all(e.declared == () for e in diff.map.edges)
    # The map itself may differ: where one pair is declared twice, the analysis lets list order decide.
    if each_pair_declared_once(data):
        assert diff.is_empty


def each_pair_declared_once(data: Data) -> bool:
    pairs = [frozenset((r["upstream"], r["downstream"])) for r in data["relationships"]]
    lanes = [
        (c["name"], direction, e["collaborator"])
        for c in data["bounded_contexts"]
        for direction in ("inbound", "outbound")
        for e in c[direction]
    ]
    return len(set(pairs)) == len(pairs) and len(set(lanes)) == len(lanes)


@given(st.text(max_size=40), st.text(max_size=40))
def test_word_changes_rebuild_both_texts(old: str, new: str) -> None:
    ops = word_ops(old, new)
    assert "".join(w.text for w in ops if w.op != "insert") == old
    assert "".join(w.text for w in ops if w.op != "delete") == new
    assert all(w.text for w in ops) and all(x.op != y.op for x, y in itertools.pairwise(ops))
