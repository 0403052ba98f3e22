"""Facts that earlier workspaces could only state in words, moved into the fields that now hold them.

Workspaces written before metrics had kinds, or before a relationship recorded the SLA and rate limits its
consumer relies on, said so in metric names and assumptions. This one-off inference fills those fields from the
wording, so their findings stay what they were, and lists every inference for the author to confirm.
"""

from typing import Any

from canvases.metric_kinds import Inference, describe_metric, infer_metric_kinds
from models.bounded_context import AiKind, BoundedContextCanvas
from models.workspace import SCHEMA_VERSION, Workspace

SLA_WORDS = ("sla", "availability", "uptime")
LIMIT_WORDS = ("rate limit", "quota", "limit")


def upgrade_workspace(workspace: Workspace) -> tuple[Workspace, list[Inference]]:
    """A workspace of schema 1 with its facts inferred from wording, as schema 2; a current one unchanged."""
    if workspace.schema_version == SCHEMA_VERSION:
        return workspace, []
    inferred, inferences = infer_declared_facts(workspace)
    return inferred.model_copy(update={"schema_version": SCHEMA_VERSION}), inferences


def infer_declared_facts(workspace: Workspace) -> tuple[Workspace, list[Inference]]:
    """Metric kinds and relied-on provider terms inferred from wording; the workspace unchanged when none are."""
    typed, metric_inferences = infer_metric_kinds(workspace)
    relied, reliance_inferences = infer_reliance(typed)
    return relied, [*metric_inferences, *reliance_inferences]


def infer_reliance(workspace: Workspace) -> tuple[Workspace, list[Inference]]:
    """An assumption about an external model's SLA or rate limits becomes what the relationship relies on."""
    data = workspace.model_dump(mode="python")
    providers = {s.name for s in workspace.external_systems if s.ai_kind is not AiKind.NONE}
    inferred: list[Inference] = []
    for i, canvas in enumerate(workspace.bounded_contexts):
        if canvas.ai_profile.is_ai:
            continue
        partners = _partners(workspace, canvas) & providers
        for provider in sorted(partners):
            terms = _terms(canvas.assumptions, provider, alone=len(partners) == 1)
            if any(terms.values()):
                inferred.extend(_record(data, workspace, i, provider, terms))
    if not inferred:
        return workspace, []
    return Workspace.model_validate(data), inferred


def _partners(workspace: Workspace, canvas: BoundedContextCanvas) -> set[str]:
    names = {r.upstream for r in workspace.relationships if r.downstream == canvas.name}
    return names | {e.collaborator for e in [*canvas.inbound, *canvas.outbound]}


def _terms(assumptions: list[str], provider: str, *, alone: bool) -> dict[str, str]:
    """The assumptions about the provider's SLA and limits; unnamed ones count when it is the only provider."""
    about = [a for a in assumptions if alone or provider.casefold() in a.casefold()]
    sla = [a for a in about if any(w in a.casefold() for w in SLA_WORDS)]
    limits = [a for a in about if any(w in a.casefold() for w in LIMIT_WORDS)]
    return {"relied_sla": "; ".join(sla), "rate_limits": "; ".join(limits)}


def _record(
    data: dict[str, Any], workspace: Workspace, index: int, provider: str, terms: dict[str, str]
) -> list[Inference]:
    """Writes the terms into the relationship from the provider (or the swimlane with it) where those are empty."""
    consumer = workspace.bounded_contexts[index].name
    target, where = _reliance_holder(data, workspace, index, provider)
    if target is None:
        return []
    inferences = []
    for key, text in terms.items():
        if text and not target[key]:
            target[key], target["reliance_inferred"] = text, True
            label = "SLA relied on" if key == "relied_sla" else "rate limits kept to"
            inferences.append(Inference(consumer, where, f"{label}: '{text}'"))
    return inferences


def _reliance_holder(
    data: dict[str, Any], workspace: Workspace, index: int, provider: str
) -> tuple[dict[str, Any] | None, str]:
    consumer = workspace.bounded_contexts[index].name
    for i, relationship in enumerate(workspace.relationships):
        if relationship.upstream == provider and relationship.downstream == consumer:
            return data["relationships"][i], f"relationship {provider} -> {consumer}"
    canvas = data["bounded_contexts"][index]
    for direction, title in (("outbound", "Outbound Communication"), ("inbound", "Inbound Communication")):
        for entry in canvas[direction]:
            if entry["collaborator"] == provider:
                return entry, f"{title} with {provider}"
    return None, ""


def awaiting_confirmation(data: dict[str, Any]) -> list[Inference]:
    """Every fact of workspace data (a draft, say) still marked as inferred from wording, for the author to check."""
    found = []
    for context in data.get("bounded_contexts", []):
        for metric in context.get("verification_metrics", []):
            if metric.get("kind_inferred"):
                found.append(Inference(context["name"], "Verification Metrics", describe_metric(metric)))
        for direction, title in (("outbound", "Outbound Communication"), ("inbound", "Inbound Communication")):
            for entry in context.get(direction, []):
                if entry.get("reliance_inferred"):
                    where = f"{title} with {entry['collaborator']}"
                    found.append(Inference(context["name"], where, _reliance(entry)))
    for r in data.get("relationships", []):
        if r.get("reliance_inferred"):
            found.append(Inference(r["downstream"], f"relationship {r['upstream']} -> {r['downstream']}", _reliance(r)))
    return found


def confirm_inferred(data: dict[str, Any]) -> None:
    """Marks every inferred fact of workspace data as confirmed, as it stands."""
    for context in data.get("bounded_contexts", []):
        for metric in context.get("verification_metrics", []):
            metric["kind_inferred"] = False
        for entry in [*context.get("inbound", []), *context.get("outbound", [])]:
            entry["reliance_inferred"] = False
    for relationship in data.get("relationships", []):
        relationship["reliance_inferred"] = False


def _reliance(attributes: dict[str, Any]) -> str:
    parts = [f"SLA relied on: '{attributes['relied_sla']}'"] if attributes.get("relied_sla") else []
    parts += [f"rate limits kept to: '{attributes['rate_limits']}'"] if attributes.get("rate_limits") else []
    return "; ".join(parts)
