"""Coupling to model vendors: AIC001 (core conforms), AIC004 (no ACL), AIC013 (vocabulary leaks)."""

import itertools
from collections.abc import Iterator

from analysis.finding_texts import possessive
from analysis.rules import declared
from analysis.rules.common import RuleContext, finding, not_evaluable
from models.bounded_context import DomainType
from models.finding import Finding, Severity
from models.relationship import Role

PUBLISHED = {Role.OPEN_HOST_SERVICE, Role.PUBLISHED_LANGUAGE}


def vendor_paths(ctx: RuleContext, start: str, leads: set[str]) -> dict[str, list[str]]:
    """External AI providers reachable from `start` along dependencies with no ACL and no translating gateway.

    The search goes only through `leads`: contexts it need not enter (see `leading_to_vendors`) are left out.
    """
    found: dict[str, list[str]] = {}
    stack, seen = ([[start]] if start in leads else []), {start}
    while stack:
        path = stack.pop()
        for target in sorted(ctx.cmap.dependencies.successors(path[-1])):
            edge = ctx.edge(path[-1], target)
            if target in seen or edge.symmetric or Role.ANTICORRUPTION_LAYER in edge.down_roles:
                continue
            if ctx.node(target).external_ai:
                found.setdefault(target, [*path, target])
            elif ctx.node(target).internal and not edge.up_roles >= PUBLISHED and target in leads:
                # A context that publishes its own OHS+PL translates for its dependents: stop there.
                seen.add(target)
                stack.append([*path, target])
    return found


def leading_to_vendors(ctx: RuleContext) -> set[str]:
    """The contexts from which `vendor_paths` can reach an external model at all.

    Searched once, backwards from the providers along the same steps as `vendor_paths`. The others are dead
    ends, so the search per core context may skip them and still finds the same paths. Without that, a map
    whose relationships carry no roles made the search visit the whole map once per core context.
    """
    deps = ctx.cmap.dependencies
    leads: set[str] = set()
    stack = [p for p, node in ctx.cmap.nodes.items() if node.external_ai]
    while stack:
        target = stack.pop()
        for source in deps.predecessors(target):
            edge = ctx.edge(source, target)
            passes = ctx.node(target).external_ai or (ctx.node(target).internal and not edge.up_roles >= PUBLISHED)
            if source in leads or edge.symmetric or Role.ANTICORRUPTION_LAYER in edge.down_roles or not passes:
                continue
            leads.add(source)
            if ctx.node(source).internal:  # the search goes on only through internal contexts
                stack.append(source)
    return leads


def locked_in_paths(ctx: RuleContext) -> dict[str, dict[str, list[str]]]:
    """Per critical core context, the vendor paths AIC001 reports (memoised: AIC004 needs them too)."""
    if "aic001" not in ctx.memo:
        leads = leading_to_vendors(ctx)
        ctx.memo["aic001"] = {
            name: vendor_paths(ctx, name, leads)
            for name, node in sorted(ctx.cmap.nodes.items())
            if node.internal and node.core and node.critical
        }
    return ctx.memo["aic001"]  # type: ignore[no-any-return]


def aic001_core_conforms_to_vendor(ctx: RuleContext) -> Iterator[Finding]:
    for name, paths in locked_in_paths(ctx).items():
        for provider, path in sorted(paths.items()):
            chain = " -> ".join(reversed(path))  # upstream to downstream, as edges are written
            hops = [ctx.edge(x, y) for x, y in itertools.pairwise(path)]
            yield finding(
                "AIC001",
                Severity.ERROR,
                chain,
                f"Core context {name} depends on the external model {provider} without an "
                f"anticorruption layer or gateway in between.",
                path,
                f"{name} › Outbound Communication",
                facts=[declared.domain(name, ctx.node(name)), declared.ai_kind(provider, ctx.node(provider))]
                + [declared.down_roles(e) for e in hops],
                unless=f"{path[-2]} took the Anticorruption Layer role towards {provider} (or any context on the "
                "path did, or published its own language as a gateway).",
            )


def aic004_external_model_without_acl(ctx: RuleContext) -> Iterator[Finding]:
    reported_hops = {(path[-2], path[-1]) for paths in locked_in_paths(ctx).values() for path in paths.values()}
    for consumer, provider in sorted(ctx.cmap.dependencies.edges()):
        node, edge = ctx.node(consumer), ctx.edge(consumer, provider)
        if not (node.internal and ctx.node(provider).external_ai) or edge.symmetric:
            continue
        if Role.ANTICORRUPTION_LAYER in edge.down_roles or node.core or _is_gateway(ctx, consumer):
            continue  # AIC001 covers core consumers
        if (consumer, provider) in reported_hops:
            continue  # the last hop of an AIC001 path: AIC001 suppresses AIC004 there
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
            facts=[
                declared.domain(consumer, node),
                declared.ai_kind(provider, ctx.node(provider)),
                declared.down_roles(edge),
            ],
            unless=f"{consumer} took the Anticorruption Layer role towards {provider}.",
        )


def _is_gateway(ctx: RuleContext, name: str) -> bool:
    """Conforming to the vendor is a gateway's job when it publishes its own language to every dependent."""
    # The canvas must say it translates (Domain Roles or AI kind): publishing an API alone is no gateway.
    dependents = list(ctx.cmap.dependencies.predecessors(name))
    return (
        ctx.node(name).translates
        and bool(dependents)
        and all(PUBLISHED & ctx.edge(d, name).up_roles for d in dependents)
    )


def _model_words(ctx: RuleContext, model: str) -> list[str]:
    """The ML lexicon plus the provider and model names; an own model's domain name is not vocabulary."""
    source = ctx.node(model)
    names = [source.provider, source.model] + ([model] if not source.internal else [])
    return [*ctx.config.ml_lexicon, *(w.casefold() for w in names if w.strip())]


def _leaking_terms(ctx: RuleContext, consumer: str, models: list[str]) -> list[str]:
    words = [w for model in models for w in _model_words(ctx, model)]
    leaks = []
    for term in ctx.node(consumer).terms:
        name, definition = term.term.casefold(), term.definition.casefold()
        # A term with a domain definition free of model words is whitelisted.
        if any(w in name for w in words) and (not definition or any(w in definition for w in words)):
            leaks.append(term.term)
    return leaks


def aic013_model_vocabulary_leaks(ctx: RuleContext) -> Iterator[Finding]:
    for consumer, node in sorted(ctx.cmap.nodes.items()):
        if not node.internal or node.is_ai:
            continue
        models = sorted(
            m
            for m in ctx.cmap.dependencies.successors(consumer)
            if ctx.node(m).is_ai and Role.ANTICORRUPTION_LAYER not in ctx.edge(consumer, m).down_roles
        )
        leaks = _leaking_terms(ctx, consumer, models) if models else []
        if leaks:
            severity = Severity.INFO if node.domain is DomainType.GENERIC else Severity.WARNING
            yield finding(
                "AIC013",
                severity,
                consumer,
                f"{possessive(consumer)} ubiquitous language uses model vocabulary from {', '.join(models)}: "
                f"{', '.join(sorted(leaks))}.",
                [consumer, *models],
                f"{consumer} › Ubiquitous Language",
                facts=[declared.fact(consumer, "Ubiquitous Language", f"'{term}'") for term in sorted(leaks)]
                + [declared.down_roles(ctx.edge(consumer, m)) for m in models],
                unless=f"the terms were defined in {possessive(consumer)} domain words, free of model vocabulary, "
                f"or {consumer} took the Anticorruption Layer role towards {', '.join(models)}.",
            )
