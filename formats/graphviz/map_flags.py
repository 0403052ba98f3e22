"""Which nodes and edges of the context map the findings flag, and how each flag is drawn."""

import itertools
from dataclasses import dataclass, field

from analysis.context_map import ContextMap
from models.finding import SEVERITY_ORDER, Finding, FindingStatus, Severity


@dataclass(frozen=True)
class FlagStyle:
    """Colour AND line style and width, so a flag still reads on a greyscale print."""

    colour: str
    line: str
    width: float
    marker: str
    meaning: str


FLAG_STYLES: dict[Severity, FlagStyle] = {
    Severity.ERROR: FlagStyle("#c0392b", "solid", 3.5, "!!", "error"),
    Severity.WARNING: FlagStyle("#e67e22", "dashed", 2.5, "!", "warning"),
    Severity.INFO: FlagStyle("#2e86c1", "dotted", 2.0, "i", "info"),
}
ACCEPTED_STYLE = FlagStyle("#7f8c8d", "solid", 1.5, "✓", "accepted risk")


@dataclass
class Flag:
    """The findings about one node or edge: the worst open severity decides how it is drawn."""

    severity: Severity | None = None
    notes: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)

    @property
    def style(self) -> FlagStyle:
        return ACCEPTED_STYLE if self.severity is None else FLAG_STYLES[self.severity]

    @property
    def rule_summary(self) -> str:
        """The rules behind the flag, short enough for a label: 'AIC003, AIC008' or 'AIC001 +3'."""
        if len(self.rules) <= 2:
            return ", ".join(self.rules)
        return f"{self.rules[0]} +{len(self.rules) - 1}"

    def add(self, finding: Finding) -> None:
        accepted = finding.status is FindingStatus.ACCEPTED
        if finding.rule not in self.rules:
            self.rules.append(finding.rule)
        self.notes.append(
            f"{finding.rule} {finding.severity.value}{' (accepted)' if accepted else ''}: {finding.message}"
        )
        if accepted:
            return
        if self.severity is None or SEVERITY_ORDER[finding.severity] < SEVERITY_ORDER[self.severity]:
            self.severity = finding.severity


@dataclass
class MapFlags:
    nodes: dict[str, Flag] = field(default_factory=dict)
    edges: dict[int, Flag] = field(default_factory=dict)  # by position in ContextMap.edges


def _edge_keys(cmap: ContextMap) -> dict[str, int]:
    """Every way a subject may name an edge: either direction, with -> or <->."""
    keys: dict[str, int] = {}
    for i, edge in enumerate(cmap.edges):
        for a, b in ((edge.upstream, edge.downstream), (edge.downstream, edge.upstream)):
            keys.setdefault(f"{a} -> {b}", i)
            keys.setdefault(f"{a} <-> {b}", i)
    return keys


def _subject_edges(subject: str, keys: dict[str, int]) -> list[int]:
    """The edges an edge or cycle subject ("A -> B", "A <-> B", "A -> B -> A") runs along."""
    if subject in keys:
        return [keys[subject]]
    parts = subject.split(" -> ")
    pairs = (f"{a} -> {b}" for a, b in itertools.pairwise(parts))
    return [keys[pair] for pair in pairs if pair in keys]


def flag_map(cmap: ContextMap, findings: list[Finding]) -> MapFlags:
    """The flags of every node and edge that an open or accepted finding is about.

    Findings that could not be evaluated are left out: they say data is missing, not that the map is wrong.
    """
    flags = MapFlags()
    keys = _edge_keys(cmap)
    for finding in findings:
        if finding.status is FindingStatus.NOT_EVALUABLE:
            continue
        if finding.subject in cmap.nodes:
            flags.nodes.setdefault(finding.subject, Flag()).add(finding)
            continue
        edges = _subject_edges(finding.subject, keys)
        for i in edges:
            flags.edges.setdefault(i, Flag()).add(finding)
        if not edges:  # a subject the map cannot place still marks the contexts it touches
            for name in finding.contexts:
                if name in cmap.nodes:
                    flags.nodes.setdefault(name, Flag()).add(finding)
    return flags
