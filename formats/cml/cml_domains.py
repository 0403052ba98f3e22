"""The Domain and Subdomain blocks of an export: the imported model's own, kept with their names and sharing, and
one invented subdomain per context whose strategic classification no kept subdomain states.

A context keeps the subdomains it was imported with while they still give the classification its canvas shows;
once the canvas says otherwise, the canvas wins and the context gets a subdomain of its own.
"""

from dataclasses import dataclass, field

from formats.cml.cml_lexicon import escape_identifier, write_string
from models.bounded_context import BoundedContextCanvas, DomainType
from models.context_mapper import ContextMapperDomain
from models.workspace import Workspace

SUBDOMAIN_TYPES = {
    DomainType.CORE: "CORE_DOMAIN",
    DomainType.SUPPORTING: "SUPPORTING_DOMAIN",
    DomainType.GENERIC: "GENERIC_SUBDOMAIN",
}
DOMAIN_TYPES = {written: domain for domain, written in SUBDOMAIN_TYPES.items()}
TAB = "\t"


@dataclass
class DomainPlan:
    """Which subdomains each context implements (identifiers) and the invented ones to declare."""

    kept: list[ContextMapperDomain] = field(default_factory=list)
    implements: dict[str, list[str]] = field(default_factory=dict)  # by context or team name
    invented: dict[str, str] = field(default_factory=dict)  # context name -> invented subdomain identifier


def kept_implements(canvas: BoundedContextCanvas, workspace: Workspace) -> list[str] | None:
    """The subdomains a context was imported with, when they still agree with its canvas; else None."""
    if not canvas.context_mapper.implements:
        return None
    if not set(canvas.context_mapper.implements) <= set(kept_domain_names(workspace)):
        return None  # a part the export does not declare: Context Mapper would refuse the reference
    types = {s.name: s.type for d in _kept_domains(workspace) for s in d.subdomains}
    stated = [DOMAIN_TYPES[types[p]] for p in canvas.context_mapper.implements if types.get(p) in DOMAIN_TYPES]
    return canvas.context_mapper.implements if (stated[0] if stated else None) is canvas.domain else None


def _kept_domains(workspace: Workspace) -> list[ContextMapperDomain]:
    """The kept domains, each name once (a domain or subdomain named again is left out with what it holds)."""
    seen: set[str] = set()
    domains = []
    for domain in workspace.context_mapper.domains:
        if domain.name in seen:
            continue
        seen.add(domain.name)
        subdomains = []
        for subdomain in domain.subdomains:
            if subdomain.name not in seen:
                seen.add(subdomain.name)
                subdomains.append(subdomain)
        domains.append(domain.model_copy(update={"subdomains": subdomains}))
    return domains


def kept_domain_names(workspace: Workspace) -> list[str]:
    """The kept domains' and subdomains' names, which invented subdomains must not take."""
    return [name for d in _kept_domains(workspace) for name in (d.name, *(s.name for s in d.subdomains))]


def write_domains(workspace: Workspace, domain: str, invented: dict[str, str]) -> list[str]:
    """The kept domains as imported, then one Domain `domain` with the invented subdomains."""
    lines: list[str] = []
    for kept in _kept_domains(workspace):
        lines += ["", *_domain_block(kept)]
    if invented:
        lines += ["", f"Domain {domain} {{"]
        for canvas in workspace.bounded_contexts:
            if canvas.name in invented and canvas.domain is not None:
                lines += _subdomain(invented[canvas.name], SUBDOMAIN_TYPES[canvas.domain], "")
        lines.append("}")
    return lines


def _domain_block(kept: ContextMapperDomain) -> list[str]:
    body = [f"{TAB}domainVisionStatement = {write_string(kept.vision)}"] if kept.vision else []
    for subdomain in kept.subdomains:
        body += _subdomain(escape_identifier(subdomain.name), subdomain.type, subdomain.vision)
    head = f"Domain {escape_identifier(kept.name)}"
    return [head] if not body else [f"{head} {{", *body, "}"]


def _subdomain(identifier: str, kind: str, vision: str) -> list[str]:
    body = [f"{TAB}{TAB}type = {kind}"] if kind else []
    body += [f"{TAB}{TAB}domainVisionStatement = {write_string(vision)}"] if vision else []
    head = f"{TAB}Subdomain {identifier}"
    return [head] if not body else [f"{head} {{", *body, f"{TAB}}}"]
