"""The context map as DOT: DDD notation, AI and external nodes, flags by severity, views, and hostile names."""

import dataclasses
import datetime as dt
import difflib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import example as with_example
from hypothesis import strategies as st

from analysis.engine import Analysis, analyze_workspace
from formats.graphviz.context_map_dot import render_context_map_dot
from formats.graphviz.map_flags import FLAG_STYLES
from formats.graphviz.map_layout import DOT_NODE_LIMIT, SIMPLE_NODE_LIMIT, MapOptions, focus_nodes, plan_layout
from formats.graphviz.map_legend import render_legend_dot
from formats.workspace_json.workspace_file import read_workspace_file
from models.bounded_context import AiKind, AiProfile, BoundedContextCanvas
from models.finding import Finding, FindingStatus, Severity
from models.relationship import Relationship, RelationshipPattern, Role
from models.workspace import ExternalSystem, Team, Workspace
from tests.unit.workspace_strategies import NAME_CHARACTERS

NAMES = st.text(NAME_CHARACTERS, min_size=1, max_size=12).filter(str.strip)

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "context-map.dot"
EXAMPLE = ROOT / "assets" / "examples" / "home-valuation.json"
TODAY = dt.date(2026, 6, 1)
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")


def finding(rule: str, severity: Severity, subject: str, status: FindingStatus = FindingStatus.OPEN) -> Finding:
    contexts = [p for p in re.split(r" <?-> ", subject)]
    return Finding(
        rule=rule,
        severity=severity,
        status=status,
        subject=subject,
        message=f"{rule} says so.",
        rationale="Because.",
        remediation="Fix it.",
        contexts=contexts,
    )


# Hand-made, so the golden file pins the drawing and not the rule catalogue, which grows on its own.
PINNED_FINDINGS = [
    finding("AIC003", Severity.ERROR, "Offer Management -> Home Valuation"),
    finding("AIC017", Severity.WARNING, "Seller Conversation"),
    finding("AIC005", Severity.INFO, "Home Valuation -> Valuation Feature Store -> Home Valuation"),
    finding("AIC004", Severity.WARNING, "Seller Conversation -> LLM Provider", FindingStatus.ACCEPTED),
    finding("AIC009", Severity.INFO, "Property Data", FindingStatus.NOT_EVALUABLE),
]


@pytest.fixture(scope="module")
def example() -> Analysis:
    analysis = analyze_workspace(read_workspace_file(EXAMPLE), today=TODAY)
    return dataclasses.replace(analysis, findings=PINNED_FINDINGS)


def run_dot(source: str) -> str:
    result = subprocess.run(["dot", "-Tsvg"], input=source.encode(), capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode()


def statement_of(source: str, a: str, b: str) -> str:
    """The edge statement between the nodes labelled `a` and `b` (either direction)."""
    ids = {
        name: m.group(1)
        for name in (a, b)
        if (m := re.search(rf"^\s*(n\d+) \[.*tooltip=\"{re.escape(name)}[\\\"]", source, re.M))
    }
    lines = [
        line for line in source.splitlines() if re.match(rf"\s*({ids[a]} -> {ids[b]}|{ids[b]} -> {ids[a]}) \[", line)
    ]
    assert len(lines) == 1, lines
    return lines[0]


def node_statement(source: str, name: str) -> str:
    return next(line for line in source.splitlines() if f'tooltip="{name}' in line and line.strip().startswith("n"))


def test_the_example_map_matches_the_golden_file(example: Analysis) -> None:
    source = render_context_map_dot(example)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(source, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8")
    if source != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), source.splitlines(True), "golden", "now", n=1))
        pytest.fail(
            f"The example map's DOT changed. If the change is intended, regenerate the golden file with\n"
            f"  UPDATE_GOLDEN=1 .venv/bin/python -m pytest {Path(__file__).relative_to(ROOT)} -k golden\n"
            f"and review it with git diff. First differences:\n{diff[:4000]}"
        )


@needs_dot
def test_the_golden_map_renders_with_graphviz() -> None:
    svg = run_dot(GOLDEN.read_text(encoding="utf-8"))
    assert "Valuation Feature Store" in svg and "Mortgage &amp; Payment Partner" in svg


def test_the_font_is_set_on_graph_nodes_and_edges(example: Analysis) -> None:
    source = render_context_map_dot(example)
    for kind in ("graph", "node", "edge"):
        assert re.search(rf'^\s*{kind} \[fontname="DejaVu Sans"', source, re.M), kind


def test_edge_ends_carry_ddd_roles_and_customer_supplier_markers(example: Analysis) -> None:
    source = render_context_map_dot(example)
    assert 'taillabel="U | OHS" headlabel="D | ACL"' in statement_of(source, "Land Registry", "Property Data")
    assert 'taillabel="U,S | PL" headlabel="D,C"' in statement_of(source, "Valuation Feature Store", "Home Valuation")


def test_symmetric_patterns_have_no_arrow_and_separate_ways_is_dashed_grey(example: Analysis) -> None:
    source = render_context_map_dot(example)
    shared = statement_of(source, "Valuation Training Pipeline", "Home Valuation")
    assert 'dir="none"' in shared and 'label="SK"' in shared
    partnership = statement_of(source, "Offer Management", "Transaction Closing")
    assert 'dir="none"' in partnership and 'label="P"' in partnership
    apart = statement_of(source, "Home Valuation", "Seller Conversation")
    assert 'dir="none"' in apart and 'style="dashed"' in apart and 'color="#95a5a6"' in apart
    assert "Separate Ways" in apart and "taillabel" not in apart


def test_ai_components_and_external_systems_look_different(example: Analysis) -> None:
    source = render_context_map_dot(example)
    model = node_statement(source, "Home Valuation")
    assert 'shape="doubleoctagon"' in model and "AI · own model" in model
    vendor = node_statement(source, "Land Registry")
    assert "dashed" in vendor and "external" in vendor and "doubleoctagon" not in vendor
    llm = node_statement(source, "LLM Provider")
    assert "doubleoctagon" in llm and "dashed" in llm and "AI · external LLM" in llm
    plain = node_statement(source, "Property Data")
    assert "doubleoctagon" not in plain and "dashed" not in plain


def test_flags_use_colour_line_style_width_and_a_marker_by_severity(example: Analysis) -> None:
    source = render_context_map_dot(example)
    error = statement_of(source, "Offer Management", "Home Valuation")
    assert 'style="solid" color="#c0392b"' in error and "penwidth=3.5" in error and 'label="!! AIC003' in error
    warning = node_statement(source, "Seller Conversation")
    assert 'color="#e67e22"' in warning and "penwidth=2.5" in warning and "dashed" in warning and "<B>!</B>" in warning
    info = statement_of(source, "Valuation Feature Store", "Home Valuation")
    assert 'style="dotted" color="#2e86c1"' in info and 'label="i AIC005' in info
    accepted = statement_of(source, "LLM Provider", "Seller Conversation")
    assert 'color="#7f8c8d"' in accepted and "✓ AIC004" in accepted and "(accepted)" in accepted
    assert "#c0392b" not in node_statement(source, "Property Data"), "a not-evaluable finding flags nothing"
    assert {s.line for s in FLAG_STYLES.values()} == {"solid", "dashed", "dotted"}


def test_the_ai_neighbourhood_shows_ai_components_and_their_neighbours_only(example: Analysis) -> None:
    cmap = example.context_map
    ai = {n for n, node in cmap.nodes.items() if node.is_ai}
    expected = (
        ai
        | {e.upstream for e in cmap.edges if e.downstream in ai}
        | {e.downstream for e in cmap.edges if e.upstream in ai}
    )
    source = render_context_map_dot(example, MapOptions(focus="ai_neighbourhood"))
    shown = {n for n in cmap.nodes if f'tooltip="{n}' in source}
    assert shown == expected and shown != set(cmap.nodes)
    assert "AI components and their neighbours" in source


def test_one_context_is_shown_with_its_neighbours(example: Analysis) -> None:
    source = render_context_map_dot(example, MapOptions(focus="context", focus_context="Property Data"))
    shown = {n for n in example.context_map.nodes if f'tooltip="{n}' in source}
    assert shown == {"Property Data", "Seller Intake", "Land Registry", "Valuation Feature Store", "Listings Data Feed"}


def test_clusters_group_contexts_by_team_or_domain(example: Analysis) -> None:
    by_team = render_context_map_dot(example, MapOptions(clusters="team"))
    teams = {n.owner for n in example.context_map.nodes.values() if n.owner}
    assert len(re.findall(r"subgraph cluster_\d+ \{", by_team)) == len(teams)
    assert "<B>Pricing Science</B>" in by_team
    by_domain = render_context_map_dot(example, MapOptions(clusters="domain"))
    assert "<B>Core</B>" in by_domain and "<B>Supporting</B>" in by_domain
    assert "subgraph cluster_" not in render_context_map_dot(example, MapOptions(legend=False))


def test_the_layout_engine_and_detail_follow_the_size() -> None:
    small, medium, large = (plan_layout(n) for n in (DOT_NODE_LIMIT, DOT_NODE_LIMIT + 1, SIMPLE_NODE_LIMIT + 1))
    assert (small.engine, medium.engine, large.engine) == ("dot", "sfdp", "sfdp")
    assert small.end_labels and medium.end_labels and not large.end_labels
    assert large.detail == "compact" and plan_layout(500, "full").detail == "full"


def large_workspace(contexts: int) -> Workspace:
    names = [f"Context {i}" for i in range(contexts)]
    return Workspace(
        name="Large",
        bounded_contexts=[BoundedContextCanvas(name=n) for n in names],
        relationships=[Relationship(upstream=names[i], downstream=names[(i + 1) % contexts]) for i in range(contexts)],
    )


def test_a_large_map_names_sfdp_so_the_browser_lays_it_out_fast_too() -> None:
    source = render_context_map_dot(analyze_workspace(large_workspace(SIMPLE_NODE_LIMIT + 5), today=TODAY))
    assert 'layout="sfdp"' in source and 'overlap="prism"' in source and 'splines="false"' in source
    assert "taillabel" not in source and "cluster_legend" not in source


HOSTILE = [
    'Quote "q" and \\ backslash',
    "Ends with a backslash \\",
    "Braces {x} [y] <b>bold</b> & &amp; ;",
    "Two\u2028lines\u2029and\u00a0no-break",  # tab and newline are control characters, refused in names
    "Escapes \\N \\G \\l \\n",
    "]]> <!-- --> <![CDATA[",
    "Format \u200e\u202e and \ud800 lone",
    "Émoji 🤖 Ελληνικά 中文",
]


def hostile_workspace() -> Workspace:
    contexts = [
        BoundedContextCanvas(
            name=name,
            owner_team='Team "<&>"',
            ai_profile=AiProfile(kind=AiKind.OWN_MODEL if i % 3 == 0 else AiKind.NONE),
        )
        for i, name in enumerate(HOSTILE)
    ]
    patterns = [
        RelationshipPattern.UPSTREAM_DOWNSTREAM,
        RelationshipPattern.SHARED_KERNEL,
        RelationshipPattern.CUSTOMER_SUPPLIER,
    ]
    relationships = [
        Relationship(
            upstream=HOSTILE[i],
            downstream=HOSTILE[i + 1],
            pattern=patterns[i % 3],
            upstream_roles=[Role.PUBLISHED_LANGUAGE] if i % 3 != 1 else [],
        )
        for i in range(len(HOSTILE) - 1)
    ]
    return Workspace(
        name='Work "space" <&> \\',
        teams=[Team(name='Team "<&>"')],
        bounded_contexts=contexts,
        external_systems=[ExternalSystem(name='Vendor \\"}', ai_kind=AiKind.LLM_EXTERNAL)],
        relationships=[*relationships, Relationship(upstream='Vendor \\"}', downstream=HOSTILE[0])],
    )


# How each hostile name must appear in the SVG: literally, with only XML's own escaping.
SHOWN_AS = {
    HOSTILE[0]: "Quote &quot;q&quot; and \\ backslash",
    HOSTILE[1]: "Ends with a backslash \\",
    HOSTILE[2]: "Braces {x} [y] &lt;b&gt;bold&lt;/b&gt; &amp; &amp;amp; ;",
    HOSTILE[4]: "Escapes \\N \\G \\l \\n",
    HOSTILE[5]: "]]&gt; &lt;!",
    HOSTILE[7]: "Émoji 🤖 Ελληνικά 中文",
}


@needs_dot
@pytest.mark.parametrize(
    "options",
    [
        MapOptions(),
        MapOptions(clusters="team", detail="full"),
        MapOptions(focus="context", focus_context=HOSTILE[4], direction="LR", detail="compact"),
    ],
)
def test_hostile_names_give_dot_that_graphviz_accepts_and_shows_literally(options: MapOptions) -> None:
    analysis = analyze_workspace(hostile_workspace(), today=TODAY)
    flagged = [
        finding("AIC001", Severity.ERROR, HOSTILE[4]),
        finding("AIC002", Severity.WARNING, f"{HOSTILE[4]} -> {HOSTILE[5]}"),
    ]
    dot_source = render_context_map_dot(dataclasses.replace(analysis, findings=flagged), options)
    svg = run_dot(dot_source).replace("\u200b", "")  # the zero-width space that keeps "\\N" from expanding
    shown = focus_nodes(analysis.context_map, options)
    assert len(shown) >= 3
    for name, literal in SHOWN_AS.items():
        if name in shown:
            assert literal in svg, name
    assert "Two<BR/>lines" not in svg and "\x01" not in svg


@needs_dot
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NAMES, min_size=2, max_size=3, unique=True))
@with_example(["0", "]"])  # Graphviz's HTML lexer once rejected a label text that starts with "]"
def test_any_names_give_dot_that_graphviz_accepts(names: list[str]) -> None:
    workspace = Workspace(
        name=names[0],
        bounded_contexts=[BoundedContextCanvas(name=n, owner_team=None) for n in names],
        relationships=[Relationship(upstream=names[0], downstream=names[1], upstream_roles=[Role.OPEN_HOST_SERVICE])],
    )
    run_dot(render_context_map_dot(analyze_workspace(workspace, today=TODAY), MapOptions(detail="full")))


@needs_dot
def test_the_legend_renders_on_its_own() -> None:
    svg = run_dot(render_legend_dot())
    assert "Bounded context" in svg and "thick solid red" in svg
