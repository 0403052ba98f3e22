"""The rules in the order they run; AIC019 runs last because any specific rule on an edge suppresses it."""

from collections.abc import Iterator

from analysis.context_map import ContextMap
from analysis.finding_texts import RULES
from analysis.rules import data, governance, runtime, sharing, vendor
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


def balance_findings(ctx: RuleContext, findings: list[Finding]) -> list[Finding]:
    """AIC019, the catch-all: global complexity on an AI edge that no specific rule already explains."""
    subjects = [f" {f.subject} " for f in findings if not f.rule.startswith("CON")]
    # One text holding every subject, searched once per edge: a loop over thousands of findings per edge was slow.
    # A name may hold a line break, and only then could a match span two subjects; such labels take the loop.
    joined = "\n".join(subjects)
    result = []
    for edge in ctx.cmap.edges:
        ends = {edge.upstream, edge.downstream}
        if edge.balance != "global_complexity" or not any(ctx.node(n).is_ai for n in ends):
            continue
        # A finding is about this edge when its subject is the edge or a chain that runs along it.
        label = f" {edge.label} "
        if label in joined if "\n" not in label else any(label in subject for subject in subjects):
            continue  # already explained
        severity = Severity.ERROR if edge.pain >= ctx.config.severe_pain else Severity.WARNING
        result.append(
            finding(
                "AIC019",
                severity,
                edge.label,
                f"Strong coupling (S{edge.strength}) over a long "
                f"distance (Dist{edge.distance}) to something volatile (V{edge.volatility}): pain "
                f"{edge.pain:.2f}.",
                ends,
                edge.fix_at,
            )
        )
    return result


def consistency_findings(cmap: ContextMap) -> Iterator[Finding]:
    for problem in cmap.inconsistencies:
        rule = "CON001" if problem.kind == "missing_counterpart" else "CON002"
        severity = Severity.INFO if rule == "CON001" else Severity.WARNING
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
        )
