"""The shortest online synchronous call chains into every serving model, found once per analysis.

AIC003 judges each chain from a critical context, and the map metrics report the longest one. Both used to
search on their own, a search per model each; at 1,000 contexts those searches were a third of the analysis.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.context_map import ContextMap
from models.bounded_context import FallbackKind
from models.relationship import SyncMode


@dataclass(frozen=True)
class ChainsInto:
    """Every caller that reaches `model` synchronously, with the next hop of its shortest chain."""

    model: str
    distance: dict[str, int]  # hops from the caller to the model; the model itself is 0
    towards: dict[str, str]
    protected: dict[str, bool]  # every shortest chain from the caller has a fallback on the way

    def route(self, caller: str) -> list[str]:
        path = [caller]
        while path[-1] in self.towards:
            path.append(self.towards[path[-1]])
        return path


@dataclass(frozen=True)
class SyncChains:
    into: dict[str, ChainsInto]  # by serving model, sorted by name

    def longest_from(self, callers: set[str]) -> int:
        """The longest shortest chain from any of `callers` to any model; 0 when none reaches one."""
        return max((n for c in self.into.values() for name, n in c.distance.items() if name in callers), default=0)


def sync_chains(cmap: ContextMap) -> SyncChains:
    callers: dict[str, list[str]] = {}
    guarded: dict[str, set[str]] = {}  # caller -> callees whose call or callee has a fallback
    for x, y, data in cmap.dependencies.edges(data=True):
        edge = data["edge"]
        if edge.runtime is SyncMode.SYNC and not edge.offline:
            callers.setdefault(y, []).append(x)
            if edge.has_fallback or cmap.nodes[y].fallback is not FallbackKind.NONE:
                guarded.setdefault(x, set()).add(y)
    models = sorted(n for n, node in cmap.nodes.items() if node.serving_ai)
    return SyncChains({m: chains_into(m, callers, guarded) for m in models})


def chains_into(model: str, callers: dict[str, list[str]], guarded: dict[str, set[str]]) -> ChainsInto:
    """One breadth-first pass backwards from the model, level by level.

    Each caller's next hops are the callees one level closer, so their protection is settled before the
    caller's. A chain is protected when its first call or the next context has a fallback, or the rest is
    protected; among equally short chains the unprotected one counts, since one protected route is no
    comfort. Ties break by name, so the result does not depend on the order of the canvases.
    """
    distance, towards, protected = {model: 0}, {}, {model: False}
    level, depth, nothing = [model], 0, frozenset[str]()
    while level:
        depth += 1
        hops: dict[str, list[str]] = {}
        for callee in level:
            for caller in callers.get(callee, ()):
                if caller in hops:
                    hops[caller].append(callee)
                elif caller not in distance:
                    hops[caller] = [callee]
        for caller, options in hops.items():
            safe = guarded.get(caller, nothing)
            exposed = [y for y in options if y not in safe and not protected[y]]
            distance[caller] = depth
            towards[caller] = min(exposed or options)
            protected[caller] = not exposed
        level = list(hops)
    return ChainsInto(model, distance, towards, protected)
