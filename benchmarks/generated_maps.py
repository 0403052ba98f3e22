"""Reproducible random workspaces for benchmarks: N contexts, about k relationships each, 10% AI.

`on_canvases` is the share of relationships declared the way workshops declare them: as outbound and
inbound communication on the two canvases (one in ten on one canvas only), not as explicit relationships.
"""

import random

from models.bounded_context import (
    AiKind,
    BoundedContextCanvas,
    CommunicationEntry,
    DomainType,
    Message,
    MessageKind,
    VerificationMetric,
)
from models.relationship import Relationship, RelationshipPattern, Role, SyncMode
from models.workspace import ExternalSystem, Team, Workspace

PATTERNS = [
    (RelationshipPattern.UPSTREAM_DOWNSTREAM, [Role.OPEN_HOST_SERVICE, Role.PUBLISHED_LANGUAGE], [Role.CONFORMIST]),
    (RelationshipPattern.UPSTREAM_DOWNSTREAM, [Role.OPEN_HOST_SERVICE], [Role.ANTICORRUPTION_LAYER]),
    (RelationshipPattern.UPSTREAM_DOWNSTREAM, [], []),
    (RelationshipPattern.CUSTOMER_SUPPLIER, [Role.PUBLISHED_LANGUAGE], []),
    (RelationshipPattern.SHARED_KERNEL, [], []),
    (RelationshipPattern.PARTNERSHIP, [], []),
]


def generated_workspace(contexts: int, per_context: float = 4.0, seed: int = 1, on_canvases: float = 0.0) -> Workspace:
    rng = random.Random(seed)
    teams = [Team(name=f"Team {i}") for i in range(max(2, contexts // 6))]
    canvases = []
    for i in range(contexts):
        ai = rng.random() < 0.1
        canvases.append(
            BoundedContextCanvas(
                name=f"Context {i}",
                owner_team=rng.choice(teams).name,
                domain=rng.choice(list(DomainType)[:3]),
                business_decisions=[f"decide {rng.randrange(contexts)} by rule {rng.randrange(50)}"],
                verification_metrics=[
                    VerificationMetric(metric=rng.choice(["accuracy", "feature drift", "lead time"]))
                ],
                ai_profile={"kind": rng.choice([AiKind.OWN_MODEL, AiKind.FEATURE_STORE, AiKind.LLM_SELFHOSTED])}
                if ai
                else {},
            )
        )
    externals = [ExternalSystem(name="Vendor LLM", ai_kind=AiKind.LLM_EXTERNAL)]
    by_name = {c.name: c for c in canvases}
    names = [c.name for c in canvases] + ["Vendor LLM"]
    relationships, seen = [], set()
    for _ in range(int(contexts * per_context / 2)):
        up, down = rng.sample(names, 2)
        if (up, down) in seen or (down, up) in seen:
            continue
        seen.add((up, down))
        pattern, up_roles, down_roles = rng.choice(PATTERNS)
        if on_canvases and rng.random() < on_canvases and up in by_name and down in by_name:
            _declare_on_canvases(rng, by_name, up, down)
            continue
        relationships.append(
            Relationship(
                upstream=up,
                downstream=down,
                pattern=pattern,
                upstream_roles=up_roles,
                downstream_roles=down_roles,
                sync=rng.choice(list(SyncMode)),
            )
        )
    return Workspace.model_construct(
        name=f"Generated {contexts}",
        teams=teams,
        external_systems=externals,
        bounded_contexts=canvases,
        relationships=relationships,
        accepted_risks=[],
        architecture_canvases=[],
        api_products=[],
    )


def _declare_on_canvases(rng: random.Random, by_name: dict[str, BoundedContextCanvas], up: str, down: str) -> None:
    """The downstream asks the upstream (a query or command) or listens to its events, seen from both sides."""
    kind = rng.choice([MessageKind.QUERY, MessageKind.COMMAND, MessageKind.EVENT])
    message = Message(kind=kind, name=f"{kind.value.capitalize()} {rng.randrange(10_000)}")
    sender, receiver = (down, up) if kind is not MessageKind.EVENT else (up, down)
    by_name[sender].outbound.append(CommunicationEntry(collaborator=receiver, messages=[message]))
    if rng.random() < 0.9:
        by_name[receiver].inbound.append(CommunicationEntry(collaborator=sender, messages=[message]))
