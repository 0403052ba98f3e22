"""The bounded cycle search through AI nodes finds exactly the cycles networkx's enumeration finds."""

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.cycles import cycles_through

NODES = [f"n{i}" for i in range(7)]


def rotated(cycle: list[str]) -> tuple[str, ...]:
    start = cycle.index(min(cycle))
    return tuple(cycle[start:] + cycle[:start])


@st.composite
def graphs_and_starts(draw: st.DrawFn) -> tuple["nx.DiGraph[str]", list[str], int]:
    edges = draw(st.lists(st.tuples(st.sampled_from(NODES), st.sampled_from(NODES)), max_size=25))
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(NODES)
    graph.add_edges_from(edges)
    starts = draw(st.lists(st.sampled_from(NODES), unique=True, max_size=4))
    return graph, starts, draw(st.integers(min_value=1, max_value=6))


@settings(max_examples=300)
@given(graphs_and_starts())
def test_every_short_cycle_through_a_start_is_found_once(case: tuple["nx.DiGraph[str]", list[str], int]) -> None:
    graph, starts, bound = case
    expected = sorted(rotated(c) for c in nx.simple_cycles(graph, length_bound=bound) if any(n in starts for n in c))
    found = [rotated(c) for c in cycles_through(graph, starts, bound, limit=10_000)]
    assert sorted(found) == expected


def test_the_limit_stops_the_search() -> None:
    complete = nx.complete_graph(6, create_using=nx.DiGraph)
    graph: nx.DiGraph[str] = nx.relabel_nodes(complete, {i: f"n{i}" for i in range(6)})
    assert len(cycles_through(graph, ["n0"], bound=6, limit=7)) == 7
    assert len(cycles_through(graph, ["n0"], bound=2, limit=100)) == 5  # n0 and one other, both ways round


def test_a_cycle_longer_than_the_bound_is_not_reported() -> None:
    ring: nx.DiGraph[str] = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "d"), ("d", "a")])
    assert cycles_through(ring, ["a"], bound=3, limit=10) == []
    assert cycles_through(ring, ["c"], bound=4, limit=10) == [["c", "d", "a", "b"]]
