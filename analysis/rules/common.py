"""What every rule receives, and the one way rules create findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

import networkx as nx

from analysis.config import AnalysisConfig
from analysis.context_map import ContextMap
from analysis.edges import Edge
from analysis.finding_texts import NOT_EVALUABLE, RULES
from analysis.metrics import NodeMetrics, ancestor_masks, mask_of
from analysis.nodes import Node
from analysis.sync_chains import SyncChains
from models.finding import Finding, FindingStatus, Severity


@dataclass
class RuleContext:
    cmap: ContextMap
    metrics: dict[str, NodeMetrics]
    config: AnalysisConfig
    chains: SyncChains  # the shortest synchronous chains into each serving model
    memo: dict[str, Any] = field(default_factory=dict)  # results one rule computes and another reuses

    def node(self, name: str) -> Node:
        return self.cmap.nodes[name]

    def edge(self, x: str, y: str) -> Edge:
        """The relationship behind dependency x -> y."""
        return self._edges[x, y]

    @cached_property
    def _edges(self) -> dict[tuple[str, str], Edge]:
        # A plain dict: rules ask for thousands of edges, and each lookup through the graph's views was slow.
        return {(x, y): d["edge"] for x, y, d in self.cmap.dependencies.edges(data=True)}

    @property
    def internal_count(self) -> int:
        return len(self.cmap.internal)

    @cached_property
    def critical(self) -> set[str]:
        """The critical internal contexts."""
        return {n for n, node in self.cmap.nodes.items() if node.internal and node.critical}

    @cached_property
    def critical_dependents(self) -> set[str]:
        """Contexts that some critical internal context depends on, directly or transitively."""
        return _with_marked_ancestors(self.cmap.dependencies, self.critical)


def _with_marked_ancestors(graph: nx.DiGraph[str], marked: set[str]) -> set[str]:
    bit, ancestors = ancestor_masks(graph)
    mask = mask_of(bit, marked)
    return {name for name, above in ancestors.items() if above & mask}


Rule = Callable[[RuleContext], Iterator[Finding]]


def finding(
    rule: str,
    severity: Severity,
    subject: str,
    message: str,
    contexts: Iterable[str],
    fix_at: str = "",
    *,
    facts: Iterable[str] = (),
    unless: str = "",
) -> Finding:
    """A finding with its texts; `facts` are the declared facts it rests on, `unless` the smallest change that
    would silence it ("would not fire if ...")."""
    text = RULES[rule]
    return Finding(
        rule=rule,
        severity=severity,
        subject=subject,
        message=message,
        rationale=text.rationale,
        remediation=text.remediation,
        contexts=sorted(set(contexts)),
        fix_at=fix_at,
        facts=list(facts),
        unless=f"{rule} would not fire if {unless}" if unless else "",
    )


def not_evaluable(rule: str, subject: str, field: str, where: str, contexts: Iterable[str]) -> Finding:
    message = NOT_EVALUABLE.format(field=field, where=where)
    result = finding(rule, Severity.INFO, subject, message, contexts, where, facts=[f"{where} › {field}: empty"])
    return replace(result, status=FindingStatus.NOT_EVALUABLE, unless=f"{rule} can judge this once {field} is filled.")
