"""Our own searches (synchronous chains, ancestor bitsets, subject mentions) checked against plain ones."""

import itertools

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.config import DEFAULT_CONFIG
from analysis.context_map import build_context_map
from analysis.metrics import ancestor_masks, node_metrics
from analysis.rules.common import RuleContext
from analysis.rules.registry import mentions
from analysis.rules.vendor import leading_to_vendors, vendor_paths
from analysis.sync_chains import SyncChains, chains_into, sync_chains
from benchmarks.generated_maps import generated_workspace

NODES = [f"n{i}" for i in range(7)]
MODEL = "n0"


@st.composite
def call_graphs(draw: st.DrawFn) -> tuple["nx.DiGraph[str]", set[tuple[str, str]]]:
    """Calls x -> y, and the guarded ones: the call or the callee has a fallback."""
    pairs = [(x, y) for x, y in itertools.permutations(NODES, 2)]
    calls = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=18))
    guarded = draw(st.sets(st.sampled_from(calls))) if calls else set()
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(NODES)
    graph.add_edges_from(calls)
    return graph, guarded


Calls = tuple[dict[str, list[str]], dict[str, set[str]]]


def _inputs(graph: "nx.DiGraph[str]", guarded: set[tuple[str, str]]) -> Calls:
    callers: dict[str, list[str]] = {}
    for x, y in graph.edges():
        callers.setdefault(y, []).append(x)
    shielded: dict[str, set[str]] = {}
    for x, y in guarded:
        shielded.setdefault(x, set()).add(y)
    return callers, shielded


def _exposed(path: list[str], guarded: set[tuple[str, str]]) -> bool:
    return not any(pair in guarded for pair in itertools.pairwise(path))


@settings(max_examples=300)
@given(call_graphs())
def test_chains_are_shortest_and_unprotected_whenever_some_shortest_chain_is(
    case: tuple["nx.DiGraph[str]", set[tuple[str, str]]],
) -> None:
    graph, guarded = case
    found = chains_into(MODEL, *_inputs(graph, guarded))
    assert found.distance == nx.single_source_shortest_path_length(graph.reverse(), MODEL)
    for caller, hops in found.distance.items():
        if caller == MODEL:
            continue
        route = found.route(caller)
        assert route[0] == caller and route[-1] == MODEL and len(route) - 1 == hops
        assert all(graph.has_edge(x, y) for x, y in itertools.pairwise(route))
        every = list(nx.all_shortest_paths(graph, caller, MODEL))
        assert found.protected[caller] is not any(_exposed(p, guarded) for p in every)
        assert _exposed(route, guarded) is not found.protected[caller]


def test_ties_between_equally_exposed_chains_break_by_name() -> None:
    callers = {"m": ["b", "a"], "b": ["c"], "a": ["c"]}
    assert chains_into("m", callers, {}).route("c") == ["c", "a", "m"]
    # A guarded call through a makes b the exposed, and so the reported, route.
    assert chains_into("m", callers, {"c": {"a"}}).route("c") == ["c", "b", "m"]


def test_the_longest_chain_counts_only_the_given_callers() -> None:
    callers = {"m": ["a"], "a": ["b"], "b": ["c"], "k": ["c"]}
    chains = SyncChains({"m": chains_into("m", callers, {}), "k": chains_into("k", callers, {})})
    assert chains.longest_from({"c"}) == 3
    assert chains.longest_from({"a", "b"}) == 2
    assert chains.longest_from({"x"}) == 0


@settings(max_examples=300)
@given(call_graphs())
def test_ancestor_bitsets_match_networkx_ancestors(case: tuple["nx.DiGraph[str]", set[tuple[str, str]]]) -> None:
    graph = case[0]
    bit, ancestors = ancestor_masks(graph)
    for name in graph:
        assert {n for n in graph if ancestors[name] & bit[n]} == nx.ancestors(graph, name)


@settings(max_examples=500)
@given(st.text(alphabet="AB ->", max_size=14), st.text(alphabet="AB ->", min_size=1, max_size=6))
def test_mentions_is_a_space_bounded_substring_search(subject: str, label: str) -> None:
    assert mentions(subject, label) is (f" {label} " in f" {subject} ")


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=3, max_value=40),
    st.floats(min_value=1.0, max_value=6.0),
    st.integers(min_value=0, max_value=10_000),
    st.sampled_from([0.0, 0.5, 1.0]),
)
def test_skipping_dead_ends_finds_the_same_vendor_paths(contexts: int, per: float, seed: int, canvases: float) -> None:
    cmap = build_context_map(generated_workspace(contexts, per, seed, canvases), DEFAULT_CONFIG)
    ctx = RuleContext(cmap, node_metrics(cmap, DEFAULT_CONFIG), DEFAULT_CONFIG, sync_chains(cmap))
    for name in cmap.nodes:
        assert vendor_paths(ctx, name, leading_to_vendors(ctx)) == vendor_paths(ctx, name, set(cmap.nodes))
