"""The context map's changes: nodes added, removed, renamed and changed; edges added, removed and changed."""

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from analysis.context_map import ContextMap
from analysis.edges import Edge
from canvases.definition import FieldDef, FieldKind, Option
from canvases.relationships import RELATIONSHIP_EDITOR
from diff.diff_documents import row_changes
from diff.diff_entries import pair_entries
from diff.diff_model import Change, ChangeKind, EdgeDiff, MapDiff, PathPart
from diff.diff_values import RowSpec, join_label, value_change

EdgeId = tuple[str, ...]
_EDITOR_FIELDS = {
    f.key: FieldDef(f.key, join_label(s.title, f.label), f.kind, f.hint, f.options)
    for s, f in RELATIONSHIP_EDITOR.fields()
}
# Who declares an edge; the relationship editor's definition has no field for it.
DECLARED_BY = FieldDef(
    "declared_by",
    "Declared in",
    FieldKind.MULTI_CHOICE,
    options=(
        Option("upstream", "upstream canvas"),
        Option("downstream", "downstream canvas"),
        Option("relationship", "context-map editor"),
    ),
)
# What a Context Mapper import kept on the relationship (exposed aggregates, downstream rights): no editor field.
KEPT_FIELD = FieldDef("context_mapper", "Context Mapper", FieldKind.TEXT)
EXPLICIT = RowSpec(
    ("upstream", "downstream"),
    (*(f for k, f in _EDITOR_FIELDS.items() if k not in ("upstream", "downstream")), KEPT_FIELD),
)
EXPLICIT_FIELD = FieldDef("relationships", RELATIONSHIP_EDITOR.title, FieldKind.TABLE)
FLAGS = ("data_contract", "shared_database", "shared_model_artifact", "model_version_pinned", "circuit_breaker")


def edge_label(up: str, down: str, symmetric: bool) -> str:
    return f"{up} {'<->' if symmetric else '->'} {down}"


def _edge_id(up: str, down: str, symmetric: bool) -> EdgeId:
    # Directed even when symmetric: a pair declared both ways gives two edges, which must keep their partners
    # when the list is reordered. A symmetric edge that was only turned is still paired, by its ends.
    return ("<->" if symmetric else "->", up, down)


def _drawn(edge: Edge) -> tuple[object, ...]:
    """What the map draws of an edge, cheap to compare: most edges of two versions are equal."""
    flags = tuple(getattr(edge, flag) for flag in FLAGS)
    roles = (frozenset(edge.up_roles), frozenset(edge.down_roles), frozenset(edge.declared_by))
    return (edge.pattern, *roles, edge.runtime, edge.medium, edge.data_use, edge.fallback, *flags)


def _edge_values(edge: Edge) -> dict[str, Any]:
    """The edge as the map draws it, keyed by the relationship editor's field keys."""
    values: dict[str, Any] = {
        "pattern": edge.pattern.value if edge.pattern else None,
        "upstream_roles": sorted(r.value for r in edge.up_roles),
        "downstream_roles": sorted(r.value for r in edge.down_roles),
        "sync": edge.runtime.value if edge.runtime else None,
        "medium": edge.medium.value if edge.medium else None,
        "data_use": edge.data_use.value if edge.data_use else None,
        "fallback": edge.fallback,
        "declared_by": sorted(edge.declared_by),
    }
    return values | {flag: getattr(edge, flag) for flag in FLAGS}


def _attribute_changes(old: Edge, new: Edge, names: Mapping[str, str]) -> list[Change]:
    ends_before = (names.get(old.upstream, old.upstream), names.get(old.downstream, old.downstream))
    turned = not (old.symmetric and new.symmetric) and ends_before != (new.upstream, new.downstream)
    if not turned and _drawn(old) == _drawn(new):
        return []
    changes: list[Change] = []
    before, after = _edge_values(old), _edge_values(new)
    if turned:
        before |= dict(zip(("upstream", "downstream"), ends_before, strict=True))
        after |= {"upstream": new.upstream, "downstream": new.downstream}
    for key, value in after.items():
        if before[key] != value:
            field = DECLARED_BY if key == "declared_by" else _EDITOR_FIELDS[key]
            path: tuple[PathPart, ...] = (key,)
            changes.append(value_change(field, path, field.label, before[key], value))
    return changes


def _explicit_by_edge(
    ends: Sequence[tuple[str, str]], relationships: Sequence[Mapping[str, Any]]
) -> dict[int, list[Any]]:
    """Each explicit relationship under the edge (by its ends) it becomes: same direction first, else same pair."""
    by_id = {("->", up, down): i for i, (up, down) in enumerate(ends)}
    by_pair: dict[frozenset[str], int] = {}
    for i, (up, down) in enumerate(ends):
        by_pair.setdefault(frozenset((up, down)), i)
    found: dict[int, list[Any]] = {}
    for r in relationships:
        index = by_id.get(("->", r["upstream"], r["downstream"]))
        if index is None:
            index = by_pair.get(frozenset((r["upstream"], r["downstream"])))
        if index is not None:
            found.setdefault(index, []).append(r)
    return found


def _same_pair(old: Any, new: Any) -> float | None:
    """A relationship whose direction was turned is the same relationship."""
    pair = frozenset((old["upstream"], old["downstream"]))
    return 1.0 if pair == frozenset((new["upstream"], new["downstream"])) else None


WHOLE_DECLARATION = "Relationship in the context-map editor"


def _declared(old: list[Any], new: list[Any]) -> tuple[Change, ...]:
    changes = row_changes(EXPLICIT_FIELD, EXPLICIT, ("relationships",), "", old, new, score=_same_pair)
    # A whole declaration added or removed has no field of its own to name it.
    return tuple(c if c.label else dataclasses.replace(c, label=WHOLE_DECLARATION) for c in changes)


def diff_edges(
    old: ContextMap,
    new: ContextMap,
    names: Mapping[str, str],
    old_relationships: Sequence[Mapping[str, Any]],
    new_relationships: Sequence[Mapping[str, Any]],
) -> tuple[EdgeDiff, ...]:
    """Edges paired by their ends (new names) and direction, then by their ends alone; `names` renames old ends.

    `old_relationships` are the old explicit relationships with their ends already renamed.
    """
    old_items = [
        (_edge_id(names.get(e.upstream, e.upstream), names.get(e.downstream, e.downstream), e.symmetric), e)
        for e in old.edges
    ]
    new_items = [(_edge_id(e.upstream, e.downstream, e.symmetric), e) for e in new.edges]

    def same_ends(before: tuple[EdgeId, Edge], after: tuple[EdgeId, Edge]) -> float | None:
        return 1.0 if set(before[0][1:]) == set(after[0][1:]) else None

    renamed_ends = [(names.get(e.upstream, e.upstream), names.get(e.downstream, e.downstream)) for e in old.edges]
    explicit_old = _explicit_by_edge(renamed_ends, old_relationships)
    explicit_new = _explicit_by_edge([(e.upstream, e.downstream) for e in new.edges], new_relationships)
    diffs: list[EdgeDiff] = []
    for p in pair_entries(old_items, new_items, lambda item: item[0], score=same_ends):
        before = explicit_old.get(p.old, []) if p.old is not None else []
        after = explicit_new.get(p.new, []) if p.new is not None else []
        found = _edge_diff(
            None if p.old is None else old.edges[p.old],
            None if p.new is None else new.edges[p.new],
            names,
            before,
            after,
        )
        if found is not None:
            diffs.append(found)
    return tuple(diffs)


def _edge_diff(
    old: Edge | None, new: Edge | None, names: Mapping[str, str], before: list[Any], after: list[Any]
) -> EdgeDiff | None:
    declared = _declared(before, after) if before != after else ()
    if new is None:
        assert old is not None
        up, down = names.get(old.upstream, old.upstream), names.get(old.downstream, old.downstream)
        key = edge_label(up, down, old.symmetric)
        old_key = old.label if old.label != key else None
        return EdgeDiff(key, ChangeKind.REMOVED, up, down, old_key, declared=declared, pattern=_pattern(old))
    if old is None:
        return EdgeDiff(
            new.label, ChangeKind.ADDED, new.upstream, new.downstream, declared=declared, pattern=_pattern(new)
        )
    changes = tuple(_attribute_changes(old, new, names))
    if not changes and not declared:
        return None
    old_key = old.label if old.label != new.label else None
    return EdgeDiff(
        new.label, ChangeKind.CHANGED, new.upstream, new.downstream, old_key, changes, declared, _pattern(new)
    )


def _pattern(edge: Edge) -> str | None:
    return edge.pattern.value if edge.pattern else None


def diff_nodes(old: ContextMap, new: ContextMap, names: Mapping[str, str], changed: frozenset[str]) -> MapDiff:
    """The map's nodes; `changed` are the names (new) whose canvas, API product or system entry changed."""
    renamed = {o: n for o, n in names.items() if o in old.nodes and n in new.nodes}
    before = {names.get(name, name): node for name, node in old.nodes.items()}
    added = frozenset(n for n in new.nodes if n not in before)
    removed = frozenset(o for o in old.nodes if names.get(o, o) not in new.nodes)
    moved = {n for n, node in new.nodes.items() if n in before and before[n].internal != node.internal}
    external = {n for n, node in new.nodes.items() if not node.internal}
    external |= {o for o in removed if not old.nodes[o].internal}
    return MapDiff(
        nodes_added=added,
        nodes_removed=removed,
        nodes_renamed=renamed,
        nodes_changed=frozenset((changed & set(new.nodes)) | moved) - added,
        external=frozenset(external),
    )
