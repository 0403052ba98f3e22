"""The comparison's map: one drawing of the newer map with added, changed, renamed and removed parts marked."""

import re
import shutil
import subprocess

import pytest

from analysis.config import DEFAULT_CONFIG
from analysis.context_map import build_context_map
from diff.diff_workspaces import diff_workspaces
from formats.graphviz.map_diff_dot import render_map_diff_dot
from models.bounded_context import AiKind, AiProfile, BoundedContextCanvas
from models.relationship import Relationship, RelationshipPattern, Role
from models.workspace import Workspace

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed")


def context(name: str, **fields: object) -> BoundedContextCanvas:
    return BoundedContextCanvas(name=name, owner_team=None, **fields)


def relationship(
    up: str, down: str, pattern: RelationshipPattern = RelationshipPattern.UPSTREAM_DOWNSTREAM
) -> Relationship:
    roles = {"upstream_roles": [Role.OPEN_HOST_SERVICE]} if pattern is RelationshipPattern.UPSTREAM_DOWNSTREAM else {}
    return Relationship(upstream=up, downstream=down, pattern=pattern, **roles)


OLD = Workspace(
    name="Shop",
    bounded_contexts=[
        context("Catalogue"),
        context("Pricing", purpose="prices"),
        context("Legacy Billing"),
        context("Recommender", ai_profile=AiProfile(kind=AiKind.OWN_MODEL)),
    ],
    relationships=[
        relationship("Catalogue", "Pricing"),
        relationship("Legacy Billing", "Pricing"),
        relationship("Recommender", "Catalogue"),
    ],
)
NEW = Workspace(
    name="Shop",
    bounded_contexts=[
        context("Product Catalogue"),  # renamed: same neighbours
        context("Pricing", purpose="prices, now with discounts"),  # changed
        context("Recommender", ai_profile=AiProfile(kind=AiKind.OWN_MODEL)),
        context("Checkout"),  # added; Legacy Billing is removed
    ],
    relationships=[
        relationship("Product Catalogue", "Pricing"),
        relationship("Pricing", "Checkout", RelationshipPattern.PARTNERSHIP),
        relationship("Recommender", "Product Catalogue"),
    ],
)


def drawn() -> str:
    diff = diff_workspaces(OLD, NEW)
    return render_map_diff_dot(build_context_map(NEW, DEFAULT_CONFIG), diff.map, "v1 → v2")


def node_line(source: str, name: str) -> str:
    return next(line for line in source.splitlines() if re.search(rf"label=<<B>{re.escape(name)}</B>", line))


def test_each_kind_of_change_has_its_own_line_style_and_written_mark() -> None:
    source = drawn()
    assert "added" in node_line(source, "Checkout") and "penwidth=3" in node_line(source, "Checkout")
    assert "removed" in node_line(source, "Legacy Billing") and "dotted" in node_line(source, "Legacy Billing")
    renamed = node_line(source, "Product Catalogue")
    assert "renamed from Catalogue" in renamed and "dashed" in renamed
    assert "changed" in node_line(source, "Pricing")
    assert "doubleoctagon" in node_line(source, "Recommender") and "<FONT" not in node_line(source, "Recommender")


def test_removed_and_added_relationships_are_both_drawn() -> None:
    edges = [line for line in drawn().splitlines() if " -> " in line]
    assert len(edges) == 4  # three in the newer map and the one to Legacy Billing that is gone
    assert sum('label="U/D removed"' in e and "dotted" in e for e in edges) == 1
    assert sum('label="P added"' in e and 'dir="none"' in e for e in edges) == 1


@needs_dot
def test_graphviz_draws_it_and_the_marks_are_in_the_picture() -> None:
    result = subprocess.run(["dot", "-Tsvg"], input=drawn().encode(), capture_output=True, timeout=60, check=True)
    svg = result.stdout.decode()
    for words in ("renamed from Catalogue", "Legacy Billing", "removed", "added", "v1 → v2"):
        assert words in svg, words
