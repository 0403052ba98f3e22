"""Coupling to model vendors: AIC001 (core conforms), AIC004 (no ACL), AIC013 (vocabulary leaks)."""

from collections.abc import Iterator

from analysis.rules.common import RuleContext, finding, not_evaluable
from models.bounded_context import DomainType
from models.finding import Finding, Severity
from models.relationship import Role

PUBLISHED = {Role.OPEN_HOST_SERVICE, Role.PUBLISHED_LANGUAGE}


def vendor_paths(ctx: RuleContext, start: str) -> dict[str, list[str]]:
    """External AI providers reachable from `start` along dependencies with no ACL and no translating gateway."""
    found: dict[str, list[str]] = {}
    stack, seen = [[start]], {start}
    while stack:
        path = stack.pop()
        for target in sorted(ctx.cmap.dependencies.successors(path[-1])):
            edge = ctx.edge(path[-1], target)
            if target in seen or edge.symmetric or Role.ANTICORRUPTION_LAYER in edge.down_roles:
                continue
            if ctx.node(target).external_ai:
                found.setdefault(target, [*path, target])
            elif ctx.node(target).internal and not edge.up_roles >= PUBLISHED:
                # A context that publishes its own OHS+PL translates for its dependents: stop there.
                seen.add(target)
                stack.append([*path, target])
    return found


def aic001_core_conforms_to_vendor(ctx: RuleContext) -> Iterator[Finding]:
    for name, node in ctx.cmap.nodes.items():
        if not (node.internal and node.core and node.critical):
            continue
        for provider, path in sorted(vendor_paths(ctx, name).items()):
            chain = " -> ".join(reversed(path))  # upstream to downstream, as edges are written
            yield finding(
                "AIC001",
                Severity.ERROR,
                chain,
                f"Core context {name} depends on the external model {provider} without an "
                f"anticorruption layer or gateway in between.",
                path,
                f"{name} › Outbound Communication",
            )


def aic004_external_model_without_acl(ctx: RuleContext) -> Iterator[Finding]:
    for consumer, provider in sorted(ctx.cmap.dependencies.edges()):
        node, edge = ctx.node(consumer), ctx.edge(consumer, provider)
        if not (node.internal and ctx.node(provider).external_ai) or edge.symmetric:
            continue
        if Role.ANTICORRUPTION_LAYER in edge.down_roles or node.core or _is_gateway(ctx, consumer):
            continue  # AIC001 covers core consumers
        subject = f"{provider} -> {consumer}"
        if node.domain is None:
            yield not_evaluable("AIC004", subject, "Strategic Classification › Domain", consumer, [consumer, provider])
            continue
        severity = Severity.INFO if node.domain is DomainType.GENERIC else Severity.WARNING
        yield finding(
            "AIC004",
            severity,
            subject,
            f"{consumer} uses the external model {provider} directly, without an anticorruption layer.",
            [consumer, provider],
            edge.fix_at or f"{consumer} › Outbound Communication",
        )


def _is_gateway(ctx: RuleContext, name: str) -> bool:
    """Conforming to the vendor is a gateway's job when it publishes its own language to every dependent."""
    dependents = list(ctx.cmap.dependencies.predecessors(name))
    return bool(dependents) and all(
        PUBLISHED & ctx.edge(d, name).up_roles and Role.CONFORMIST not in ctx.edge(d, name).down_roles
        for d in dependents
    )


def _leaking_terms(ctx: RuleContext, consumer: str, model: str) -> list[str]:
    source = ctx.node(model)
    words = [*ctx.config.ml_lexicon, *(w.casefold() for w in (source.provider, source.model, model) if w)]
    leaks = []
    for term in ctx.node(consumer).terms:
        name, definition = term.term.casefold(), term.definition.casefold()
        # A term with a domain definition free of model words is whitelisted.
        if any(w in name for w in words) and (not definition or any(w in definition for w in words)):
            leaks.append(term.term)
    return leaks


def aic013_model_vocabulary_leaks(ctx: RuleContext) -> Iterator[Finding]:
    for consumer, model in sorted(ctx.cmap.dependencies.edges()):
        node, edge = ctx.node(consumer), ctx.edge(consumer, model)
        if not node.internal or node.is_ai or not ctx.node(model).is_ai:
            continue
        if Role.ANTICORRUPTION_LAYER in edge.down_roles:
            continue
        leaks = _leaking_terms(ctx, consumer, model)
        if leaks:
            severity = Severity.INFO if node.domain is DomainType.GENERIC else Severity.WARNING
            yield finding(
                "AIC013",
                severity,
                consumer,
                f"{consumer}'s ubiquitous language uses model vocabulary from {model}: {', '.join(sorted(leaks))}.",
                [consumer, model],
                f"{consumer} › Ubiquitous Language",
            )
