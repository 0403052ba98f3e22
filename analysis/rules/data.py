"""Data coupling around models: AIC008 (feedback loop), AIC009 (undeclared consumer), AIC010 (training
data without contract), AIC011 (Big Ball of Mud), AIC014 (correction cascade)."""

import itertools
from collections.abc import Iterator

import networkx as nx

from analysis.config import CORRECTION_WORDS
from analysis.edges import INTRUSIVE_MEDIA, Edge
from analysis.finding_texts import possessive
from analysis.nodes import Node
from analysis.rules import declared
from analysis.rules.common import RuleContext, finding
from models.bounded_context import QUALITY_KINDS, AiKind, MetricKind
from models.finding import Finding, Severity
from models.relationship import DataUse, Role

LEARNING_KINDS = frozenset({AiKind.OWN_MODEL, AiKind.LLM_SELFHOSTED})
FEEDBACK_WATCH = frozenset({MetricKind.FEEDBACK_WATCH})


def _training_inputs(ctx: RuleContext, model: str) -> list[tuple[str, str]]:
    """(source, target) training edges into the model or into a training pipeline next to it."""
    flow = ctx.cmap.data_flow
    targets = {model} | {p for p in flow.predecessors(model) if ctx.node(p).ai_kind is AiKind.TRAINING_PIPELINE}
    inputs = []
    for target in sorted(targets):
        for source in sorted(flow.predecessors(target)):
            edge: Edge = flow[source][target]["edge"]
            # The model's own serving logs feeding its pipeline are a direct loop, not a skip.
            if edge.data_use is DataUse.TRAINING and (source not in targets or (source == model != target)):
                inputs.append((source, target))
    return inputs


def _loop_severity(ctx: RuleContext, model: str, hidden: bool) -> Severity | None:
    node = ctx.node(model)
    mitigated = bool(node.feedback_mitigation.strip())
    watched = bool(node.evidence(FEEDBACK_WATCH, watching=model))
    if mitigated and watched:
        return None
    if hidden:
        return Severity.WARNING if mitigated else Severity.ERROR
    return Severity.INFO if mitigated else Severity.WARNING


def _loops(ctx: RuleContext, model: str) -> list[list[str]]:
    """Each loop from the model's outputs back into its training, shortest first."""
    flow = ctx.cmap.data_flow
    inputs = _training_inputs(ctx, model)
    # A loop must leave the model's own training path: going back through the pipeline is no loop.
    outside = flow.subgraph(set(flow) - {t for _, t in inputs if t != model})
    loops = []
    for source, target in inputs:
        if source == model:
            loops.append([model, target, model] if target != model else [model, model])
        elif nx.has_path(outside, model, source):
            route = nx.shortest_path(outside, model, source)
            loops.append([*route, target] + ([model] if target != model else []))
    return sorted(loops, key=lambda loop: (len(loop), loop))


def aic008_feedback_loop(ctx: RuleContext) -> Iterator[Finding]:
    for model, node in sorted(ctx.cmap.nodes.items()):
        loops = _loops(ctx, model) if node.serving_ai and node.internal else []
        if not loops:
            continue
        # Through another context, or through another serving model (a cross-model loop): both are hidden.
        hidden = any(len(set(loop)) > 2 or any(n != model and ctx.node(n).serving_ai for n in loop) for loop in loops)
        severity = _loop_severity(ctx, model, hidden)
        if severity is None:
            continue
        subject = " -> ".join(loops[0])
        more = f" {len(loops) - 1} more loop(s) close through other training inputs." if len(loops) > 1 else ""
        watch = (
            " Its mitigation is declared but no verification metric watches it."
            if (hidden and severity is Severity.WARNING)
            else ""
        )
        kind = "Hidden feedback loop" if hidden else "Direct feedback loop"
        yield finding(
            "AIC008",
            severity,
            subject,
            f"{kind}: outputs of {model} come back as its training data ({subject}).{more}{watch}",
            {n for loop in loops for n in loop},
            f"{model} › AI profile",
            facts=_loop_facts(ctx, model, loops[0]),
            unless=_loop_fix(model, node),
        )


def _loop_facts(ctx: RuleContext, model: str, loop: list[str]) -> list[str]:
    node = ctx.node(model)
    hops = [
        declared.data_use(ctx.edge(y, x)) for x, y in itertools.pairwise(loop) if ctx.cmap.dependencies.has_edge(y, x)
    ]
    mitigation = node.feedback_mitigation.strip()
    return [
        *hops,
        declared.fact(model, "Feedback loop mitigation", f"'{mitigation}'" if mitigation else declared.NONE),
        declared.evidence(model, node, FEEDBACK_WATCH),
    ]


def _loop_fix(model: str, node: Node) -> str:
    watch = f"a verification metric of kind Feedback-loop watch on {model}"
    if node.feedback_mitigation.strip():
        return f"{watch} watched its declared mitigation."
    return f"{model} declared a feedback loop mitigation (a random holdout, say) and {watch} watched it."


def aic009_undeclared_consumer(ctx: RuleContext) -> Iterator[Finding]:
    for edge in ctx.cmap.edges:
        model = ctx.node(edge.upstream)
        if edge.symmetric or not (model.is_ai and model.internal):
            continue
        intrusive = edge.medium in INTRUSIVE_MEDIA and not (
            Role.PUBLISHED_LANGUAGE in edge.up_roles or edge.data_contract
        )
        if intrusive:
            yield finding(
                "AIC009",
                Severity.ERROR,
                edge.label,
                f"{edge.downstream} reads outputs of "
                f"{edge.upstream} through a {edge.medium.value if edge.medium else ''} that "
                f"{edge.upstream} does not publish.",
                [edge.upstream, edge.downstream],
                edge.fix_at,
                facts=[declared.medium(edge), declared.up_roles(edge), declared.contract(edge)],
                unless=f"{edge.upstream} published it (the Published Language role) or the relationship had a "
                "data contract.",
            )
        elif "downstream" in edge.declared_by and "upstream" not in edge.declared_by:
            yield finding(
                "AIC009",
                Severity.WARNING,
                edge.label,
                f"{edge.downstream} consumes {edge.upstream}, "
                f"but {possessive(edge.upstream)} canvas does not list it as a collaborator.",
                [edge.upstream, edge.downstream],
                f"{edge.upstream} › Outbound Communication",
                facts=[
                    declared.fact(edge.downstream, "Inbound or Outbound Communication", f"names {edge.upstream}"),
                    declared.fact(edge.upstream, "Outbound Communication", f"does not name {edge.downstream}"),
                ],
                unless=f"{possessive(edge.upstream)} canvas listed {edge.downstream} in its Outbound Communication.",
            )


def aic010_training_data_without_contract(ctx: RuleContext) -> Iterator[Finding]:
    for edge in ctx.cmap.edges:
        pipeline, source = ctx.node(edge.downstream), ctx.node(edge.upstream)
        if edge.symmetric or edge.data_use is not DataUse.TRAINING or not pipeline.is_ai:
            continue
        if source.big_ball_of_mud or (source.owner is not None and source.owner == pipeline.owner):
            continue
        raw = edge.shared_database or (edge.medium in INTRUSIVE_MEDIA and not edge.data_contract)
        unpublished = Role.PUBLISHED_LANGUAGE not in edge.up_roles and not edge.data_contract
        if raw or unpublished:
            how = "reads its production store directly" if raw else "consumes it without a versioned contract"
            yield finding(
                "AIC010",
                Severity.ERROR if raw else Severity.WARNING,
                edge.label,
                f"{edge.downstream} trains on data from {edge.upstream}, another team's context, and {how}.",
                [edge.upstream, edge.downstream],
                edge.fix_at,
                facts=[
                    declared.data_use(edge),
                    declared.owner(edge.upstream, source),
                    declared.owner(edge.downstream, pipeline),
                    declared.fact(edge.label, "Shared database", declared.yes_no(edge.shared_database)),
                    declared.medium(edge),
                    declared.contract(edge),
                    declared.up_roles(edge),
                ],
                unless=f"the training data came through a data contract (or {possessive(edge.upstream)} Published "
                "Language) instead of its production store.",
            )


def aic011_ai_next_to_mud(ctx: RuleContext) -> Iterator[Finding]:
    for edge in ctx.cmap.edges:
        up, down = ctx.node(edge.upstream), ctx.node(edge.downstream)
        if down.is_ai and up.big_ball_of_mud and Role.ANTICORRUPTION_LAYER not in edge.down_roles:
            yield finding(
                "AIC011",
                Severity.ERROR,
                edge.label,
                f"The AI component {edge.downstream} takes its "
                f"inputs from the Big Ball of Mud {edge.upstream} without an anticorruption layer.",
                [edge.upstream, edge.downstream],
                edge.fix_at,
                facts=[_mud(edge.upstream), declared.ai_kind(edge.downstream, down), declared.down_roles(edge)],
                unless=f"{edge.downstream} took the Anticorruption Layer role towards {edge.upstream}.",
            )
        elif up.is_ai and down.big_ball_of_mud and Role.CONFORMIST in edge.down_roles:
            yield finding(
                "AIC011",
                Severity.WARNING,
                edge.label,
                f"The Big Ball of Mud {edge.downstream} conforms to the outputs of {edge.upstream}.",
                [edge.upstream, edge.downstream],
                edge.fix_at,
                facts=[_mud(edge.downstream), declared.ai_kind(edge.upstream, up), declared.down_roles(edge)],
                unless=f"{edge.downstream} stopped conforming: an Anticorruption Layer towards {edge.upstream}.",
            )


def _mud(name: str) -> str:
    return declared.fact(name, "Big Ball of Mud", "yes")


def _model_chain(ctx: RuleContext, start: str, seen: frozenset[str] = frozenset()) -> list[str]:
    """The longest chain of serving models that `start` builds on (inference or feature use)."""
    best = [start]
    for upstream in sorted(ctx.cmap.dependencies.successors(start)):
        edge = ctx.edge(start, upstream)
        uses = edge.data_use in (DataUse.INFERENCE, DataUse.FEATURE)
        if upstream in seen or upstream == start or edge.symmetric or not uses or not ctx.node(upstream).serving_ai:
            continue
        chain = [start, *_model_chain(ctx, upstream, seen | {start})]
        best = chain if len(chain) > len(best) else best
    return best


def aic014_correction_cascade(ctx: RuleContext) -> Iterator[Finding]:
    for name, node in sorted(ctx.cmap.nodes.items()):
        # Only a model that learns, or an adapter that says it corrects, can form a cascade; a context
        # that merely prompts an LLM is a consumer.
        says_it_corrects = any(w in t.casefold() for t in [node.purpose, *node.decisions] for w in CORRECTION_WORDS)
        if node.ai_kind not in LEARNING_KINDS and not (node.ai_kind is AiKind.MODEL_ADAPTER and says_it_corrects):
            continue
        chain = _model_chain(ctx, name)
        if len(chain) < 2:
            continue
        subject = " -> ".join(reversed(chain))
        upstream = ctx.node(chain[1])
        edge = ctx.edge(name, chain[1])
        corrects = any(w in t.casefold() for t in [node.purpose, *node.decisions] for w in CORRECTION_WORDS)
        if len(chain) >= 3:
            severity = Severity.ERROR
        elif node.owner != upstream.owner or edge.strength >= 2 or corrects or not node.evidence(QUALITY_KINDS):
            severity = Severity.WARNING
        else:
            severity = Severity.INFO
        yield finding(
            "AIC014",
            severity,
            subject,
            f"The model {name} builds on the outputs of "
            f"{' and '.join(chain[1:])}: improving an upstream model can make the result worse.",
            chain,
            f"{name} › Outbound Communication",
            facts=[
                declared.ai_kind(name, node),
                *(declared.data_use(ctx.edge(x, y)) for x, y in itertools.pairwise(chain)),
                declared.owner(name, node),
                declared.owner(chain[1], upstream),
                declared.evidence(name, node, QUALITY_KINDS),
            ],
            unless=f"{name} learnt from {possessive(chain[1])} inputs instead of its outputs (no inference or "
            f"feature use of {chain[1]}).",
        )
