"""The rules in the order they run; AIC019 runs last because any specific rule on an edge suppresses it."""

from collections.abc import Iterator

from analysis.context_map import ContextMap
from analysis.finding_texts import RULES
from analysis.rules import data, declared, governance, runtime, sharing, vendor
from analysis.rules.common import Rule, RuleContext, finding
from models.finding import Finding, Severity

RULE_FUNCTIONS: list[Rule] = [
    vendor.aic001_core_conforms_to_vendor,
    sharing.aic002_shared_kernel_with_ai,
    runtime.aic003_sync_chain_without_fallback,
    vendor.aic004_external_model_without_acl,
    runtime.aic005_cycle_through_ai,
    runtime.aic006_volatile_model_with_high_fan_in,
    runtime.aic007_stable_depends_on_volatile_model,
    data.aic008_feedback_loop,
    data.aic009_undeclared_consumer,
    data.aic010_training_data_without_contract,
    data.aic011_ai_next_to_mud,
    sharing.aic012_partnership_with_ai,
    vendor.aic013_model_vocabulary_leaks,
    data.aic014_correction_cascade,
    governance.aic015_ai_without_owner,
    governance.aic016_team_owns_too_many_ai_contexts,
    governance.aic017_model_without_sla_or_rollback,
    governance.aic018_missing_quality_or_drift_metric,
    sharing.aic020_duplicated_ai_decision,
]

# A one-sided collaboration may be a stale entry; contradicting canvases leave the map unsure which is true.
CONSISTENCY_SEVERITY: dict[str, Severity] = {"CON001": Severity.INFO, "CON002": Severity.WARNING}


def balance_findings(ctx: RuleContext, findings: list[Finding]) -> list[Finding]:
    """AIC019, the catch-all: global complexity on an AI edge that no specific rule already explains."""
    edges = [
        e
        for e in ctx.cmap.edges
        if e.balance == "global_complexity" and (ctx.node(e.upstream).is_ai or ctx.node(e.downstream).is_ai)
    ]
    # A finding explains an edge when it touches both ends and its subject is the edge or a chain along it.
    # Findings are looked up by the edge's upstream end: a search through every subject per edge was slow.
    upstreams = {e.upstream for e in edges}
    touching: dict[str, list[Finding]] = {}
    for f in findings:
        if not f.rule.startswith("CON"):
            for name in f.contexts:
                if name in upstreams:
                    touching.setdefault(name, []).append(f)
    result = []
    for edge in edges:
        label = edge.label
        if any(edge.downstream in f.contexts and mentions(f.subject, label) for f in touching.get(edge.upstream, ())):
            continue
        severity = Severity.ERROR if edge.pain >= ctx.config.severe_pain else Severity.WARNING
        result.append(
            finding(
                "AIC019",
                severity,
                edge.label,
                f"Strong coupling (S{edge.strength}) over a long "
                f"distance (Dist{edge.distance}) to something volatile (V{edge.volatility}): pain "
                f"{edge.pain:.2f}.",
                [edge.upstream, edge.downstream],
                edge.fix_at,
                facts=[
                    declared.measures(edge),
                    declared.pattern(edge),
                    declared.up_roles(edge),
                    declared.down_roles(edge),
                ],
                unless="the relationship were contract-strength (an Anticorruption Layer, or a published language "
                "or data contract) or both sides had one owner team.",
            )
        )
    return result


def mentions(subject: str, label: str) -> bool:
    """`label` occurs in `subject` as whole names: at the ends or between spaces ("A -> B" in "X -> A -> B")."""
    # The same as `f" {label} " in f" {subject} "` without copying long chain subjects for every edge.
    start = subject.find(label)
    while start >= 0:
        end = start + len(label)
        if (start == 0 or subject[start - 1] == " ") and (end == len(subject) or subject[end] == " "):
            return True
        start = subject.find(label, start + 1)
    return False


def consistency_findings(cmap: ContextMap) -> Iterator[Finding]:
    for problem in cmap.inconsistencies:
        rule = "CON001" if problem.kind == "missing_counterpart" else "CON002"
        severity = CONSISTENCY_SEVERITY[rule]
        text = RULES[rule]
        yield Finding(
            rule=rule,
            severity=severity,
            subject=problem.subject,
            message=problem.detail + ".",
            rationale=text.rationale,
            remediation=text.remediation,
            fix_at=problem.fix_at,
            contexts=sorted({p.strip() for p in problem.subject.replace("<->", "->").split("->")}),
            facts=[f"{problem.fix_at}: {problem.detail}"],
            unless=f"{rule} would not fire if both canvases described the relationship the same way.",
        )
