"""Shared knowledge with AI contexts: AIC002 (kernel, database, artefact), AIC012 (partnership),
AIC020 (duplicated AI-backed decision)."""

import re
from collections import defaultdict
from collections.abc import Iterator

from analysis.edges import Edge
from analysis.rules import declared
from analysis.rules.common import RuleContext, finding
from models.bounded_context import AiKind
from models.finding import Finding, Severity
from models.relationship import RelationshipPattern, Role

RARE_TOKEN_LIMIT = 50
AI_WORDS = ("model", " ai", "ai ", "llm", "machine learning", "predict", "score", "classif")


def aic002_shared_kernel_with_ai(ctx: RuleContext) -> Iterator[Finding]:
    for edge in ctx.cmap.edges:
        a, b = ctx.node(edge.upstream), ctx.node(edge.downstream)
        sharing = (
            edge.pattern is RelationshipPattern.SHARED_KERNEL or edge.shared_database or edge.shared_model_artifact
        )
        if not sharing or not (a.is_ai or b.is_ai):
            continue
        kinds = {a.ai_kind, b.ai_kind}
        own_pipeline = (
            AiKind.TRAINING_PIPELINE in kinds
            and (a.serving_ai or b.serving_ai)
            and a.owner == b.owner
            and a.owner is not None
        )
        published_features = (
            AiKind.FEATURE_STORE in kinds
            and {Role.OPEN_HOST_SERVICE, Role.PUBLISHED_LANGUAGE} <= edge.up_roles
            and not edge.symmetric
        )
        if own_pipeline or published_features:
            continue
        what = (
            "a shared kernel"
            if edge.pattern is RelationshipPattern.SHARED_KERNEL
            else ("a database" if edge.shared_database else "a model artefact")
        )
        severity = Severity.ERROR if edge.distance >= 3 else Severity.WARNING
        yield finding(
            "AIC002",
            severity,
            edge.label,
            f"{edge.upstream} and {edge.downstream} share {what} across "
            f"{'team boundaries' if severity is Severity.ERROR else 'one team'}; every retrain changes it.",
            [edge.upstream, edge.downstream],
            edge.fix_at,
            facts=[
                _shared(edge),
                *(declared.ai_kind(n, ctx.node(n)) for n in (edge.upstream, edge.downstream) if ctx.node(n).is_ai),
                declared.owner(edge.upstream, a),
                declared.owner(edge.downstream, b),
            ],
            unless=f"the two stopped sharing {what}: {edge.upstream} published what the other needs behind an "
            "Open Host Service with a Published Language (or both became one context with one owner).",
        )


def _shared(edge: Edge) -> str:
    if edge.pattern is RelationshipPattern.SHARED_KERNEL:
        return declared.pattern(edge)
    return declared.fact(edge.label, "Shared database" if edge.shared_database else "Shared model artifact", "yes")


def aic012_partnership_with_ai(ctx: RuleContext) -> Iterator[Finding]:
    partners: dict[str, set[str | None]] = defaultdict(set)
    partnerships = [e for e in ctx.cmap.edges if e.pattern is RelationshipPattern.PARTNERSHIP]
    for edge in partnerships:
        for ai, other in ((edge.upstream, edge.downstream), (edge.downstream, edge.upstream)):
            if ctx.node(ai).is_ai and ctx.node(other).owner != ctx.node(ai).owner:
                partners[ai].add(ctx.node(other).owner)
    for edge in partnerships:
        a, b = ctx.node(edge.upstream), ctx.node(edge.downstream)
        if not (a.is_ai or b.is_ai):
            continue
        ai = edge.upstream if a.is_ai else edge.downstream
        if len(partners[ai]) >= 2:
            severity, note = Severity.ERROR, f"{ai} is in partnerships with {len(partners[ai])} other teams"
        elif a.owner != b.owner or a.owner is None:
            severity, note = Severity.WARNING, "the two are owned by different teams"
        else:
            severity, note = Severity.INFO, "both have one owner: consider merging them"
        yield finding(
            "AIC012",
            severity,
            edge.label,
            f"Partnership between {edge.upstream} and {edge.downstream}: {note}.",
            [edge.upstream, edge.downstream],
            edge.fix_at,
            facts=[
                declared.pattern(edge),
                declared.ai_kind(ai, ctx.node(ai)),
                declared.owner(edge.upstream, a),
                declared.owner(edge.downstream, b),
            ],
            unless="the partnership became Customer/Supplier, the model's team supplying a published language.",
        )


def _tokens(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[\w-]+", text.casefold()) if len(w) > 2)


def _ai_backed(ctx: RuleContext, name: str, text: str) -> bool:
    lowered = f" {text.casefold()} "
    return ctx.node(name).is_ai or any(w in lowered for w in AI_WORDS)


def aic020_duplicated_ai_decision(ctx: RuleContext) -> Iterator[Finding]:
    decisions = [
        (name, text, _tokens(text)) for name, node in sorted(ctx.cmap.nodes.items()) for text in node.decisions
    ]
    index: dict[str, list[int]] = defaultdict(list)
    for i, (_, _, tokens) in enumerate(decisions):
        for token in tokens:
            index[token].append(i)
    reported: set[tuple[str, str]] = set()
    for name, text, tokens in decisions:
        if not tokens or not _ai_backed(ctx, name, text):
            continue
        # Words found in many decisions identify nothing; skipping them keeps large maps fast.
        rare = [t for t in tokens if len(index[t]) <= RARE_TOKEN_LIMIT]
        candidates = {j for token in rare for j in index[token] if decisions[j][0] != name}
        for j in sorted(candidates):
            other, other_text, other_tokens = decisions[j]
            pair = (min(name, other), max(name, other))
            jaccard = len(tokens & other_tokens) / len(tokens | other_tokens)
            if pair in reported or jaccard < ctx.config.duplicate_decision_jaccard:
                continue
            reported.add(pair)
            same_owner = ctx.node(name).owner == ctx.node(other).owner and ctx.node(name).owner is not None
            yield finding(
                "AIC020",
                Severity.INFO if same_owner else Severity.WARNING,
                f"{pair[0]} + {pair[1]}",
                f"{name} and {other} both make the decision '{text}' / '{other_text}' (word overlap {jaccard:.0%}).",
                pair,
                f"{name} › Business Decisions",
                facts=[
                    declared.fact(name, "Business Decisions", f"'{text}'"),
                    declared.fact(other, "Business Decisions", f"'{other_text}'"),
                ],
                unless=f"one of {name} and {other} made the decision and the other asked it (one Business Decision).",
            )
