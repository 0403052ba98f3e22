"""Short simple cycles through chosen nodes (the AI components), for AIC005.

networkx's `simple_cycles(length_bound=...)` enumerates every short cycle of a component and recomputes its
strongly connected components after each start node; on a 300-context map that was most of the analysis.
AIC005 only needs cycles through an AI component, so the search starts at those and never takes a step
from which it cannot get back to the start within the bound.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

import networkx as nx


def cycles_through(graph: nx.DiGraph[str], starts: Iterable[str], bound: int, limit: int) -> list[list[str]]:
    """Up to `limit` simple cycles of at most `bound` nodes that pass through one of `starts`, each once.

    Each cycle starts at the first of `starts` (in sorted order) that it contains; a start is left out
    of the searches after it, which is what keeps a cycle through two of them from being found twice.
    """
    successors = {name: sorted(graph.successors(name)) for name in graph}
    predecessors = {name: list(graph.predecessors(name)) for name in graph}
    found: list[list[str]] = []
    done: set[str] = set()
    for start in sorted(starts):
        back = _steps_back(predecessors, start, bound, done)
        found += islice(_cycles_from(successors, start, bound, back), limit - len(found))
        if len(found) >= limit:
            break
        done.add(start)
    return found


def _steps_back(predecessors: dict[str, list[str]], target: str, bound: int, excluded: set[str]) -> dict[str, int]:
    """For every node that reaches `target` in fewer than `bound` steps avoiding `excluded`: its distance."""
    distance = {target: 0}
    level = [target]
    for steps in range(1, bound):
        following = []
        for name in level:
            for before in predecessors[name]:
                if before not in distance and before not in excluded:
                    distance[before] = steps
                    following.append(before)
        level = following
    return distance


def _cycles_from(successors: dict[str, list[str]], start: str, bound: int, back: dict[str, int]) -> Iterator[list[str]]:
    """Depth-first over paths from `start`; a path grows only while it can still close within `bound` nodes."""
    path = [start]
    on_path = {start}
    branches = [iter(successors[start])]
    while branches:
        step = next(branches[-1], None)
        if step is None:
            branches.pop()
            on_path.discard(path.pop())
        elif step == start:
            yield list(path)
        elif step in back and step not in on_path and len(path) + back[step] <= bound:
            path.append(step)
            on_path.add(step)
            branches.append(iter(successors[step]))
