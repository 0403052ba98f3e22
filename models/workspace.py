"""The workspace: one system under design, its canvases, relationships and accepted risks."""

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from models import messages
from models.api_product_canvas import ApiProductCanvas
from models.architecture_canvas import ArchitectureCommunicationCanvas
from models.base import Name, StrictModel, is_blank
from models.bounded_context import AiKind, BoundedContextCanvas
from models.context_mapper import ContextMapperContext, ContextMapperModel
from models.readiness import Readiness
from models.relationship import Relationship

# 2: verification metrics have kinds and relationships record what their consumer relies on. A workspace of
# schema 1 said those things in words; it is read as it was and upgraded by inference (canvases.wording_inference).
SCHEMA_VERSION: Literal[2] = 2
READABLE_SCHEMA_VERSIONS = (1, 2)


class DeliveryPhase(StrEnum):
    POC = "poc"
    MVP = "mvp"
    PRODUCT = "product"
    SCALED = "scaled"


class ExternalKind(StrEnum):
    """The BCC collaborator types that have no canvas of their own."""

    EXTERNAL_SYSTEM = "external_system"
    FRONTEND = "frontend"
    USER_INTERACTION = "user_interaction"


class Team(StrictModel):
    name: Name
    description: str = ""
    context_mapper: ContextMapperContext = Field(default_factory=ContextMapperContext)  # a CML TEAM context's


class ExternalSystem(StrictModel):
    name: Name
    kind: ExternalKind = ExternalKind.EXTERNAL_SYSTEM
    description: str = ""
    ai_kind: AiKind = Field(default=AiKind.NONE, description="Set for vendor model and LLM providers.")
    big_ball_of_mud: bool = False
    # An AI system described like an AI context: which model of which provider, pinned or not, and its SLA.
    provider: str = ""
    model: str = ""
    version_pinned: bool = False
    availability_percent: float | None = Field(default=None, ge=0, le=100)
    latency_p95_ms: int | None = Field(default=None, ge=0)
    recovery_time_minutes: int | None = Field(default=None, ge=0)
    context_mapper: ContextMapperContext = Field(default_factory=ContextMapperContext)  # a CML SYSTEM's


class AcceptedRisk(StrictModel):
    rule: str = Field(description="Rule ID, e.g. AIC004")
    subject: str = Field(description="Context, edge ('A -> B') or cycle the finding is about")
    reason: str
    accepted_by: str
    until: dt.date


@dataclass(frozen=True)
class Problem:
    """Something wrong in a workspace, located by a path such as `bounded_contexts[2].name`."""

    path: str
    message: str


# Validation context key: a list that collects located reference problems, because pydantic
# can only report a model validator's failure at the model itself.
REFERENCE_PROBLEMS = "reference_problems"


class Workspace(StrictModel):
    schema_version: Literal[1, 2] = SCHEMA_VERSION
    name: Name
    description: str = ""
    phase: DeliveryPhase = DeliveryPhase.POC
    teams: list[Team] = Field(default_factory=list)
    external_systems: list[ExternalSystem] = Field(default_factory=list)
    bounded_contexts: list[BoundedContextCanvas] = Field(default_factory=list)
    architecture_canvases: list[ArchitectureCommunicationCanvas] = Field(default_factory=list)
    api_products: list[ApiProductCanvas] = Field(default_factory=list)
    relationships: list[Relationship] = Field(default_factory=list)
    accepted_risks: list[AcceptedRisk] = Field(default_factory=list)
    readiness: Readiness = Field(default_factory=Readiness)
    context_mapper: ContextMapperModel = Field(default_factory=ContextMapperModel)  # map type, state, domains, teams

    @field_validator("name")
    @classmethod
    def _check_name(cls, value: str) -> str:
        if is_blank(value):
            raise ValueError(messages.EMPTY_NAME.format(what="A workspace"))
        return value

    @model_validator(mode="after")
    def _check_references(self, info: ValidationInfo) -> "Workspace":
        problems = find_reference_problems(self)
        if problems:
            if isinstance(info.context, dict) and REFERENCE_PROBLEMS in info.context:
                info.context[REFERENCE_PROBLEMS].extend(problems)
            raise ValueError("; ".join(f"{p.path}: {p.message}" for p in problems))
        return self

    def context(self, name: str) -> BoundedContextCanvas | None:
        return next((c for c in self.bounded_contexts if c.name == name), None)


def find_reference_problems(ws: Workspace) -> list[Problem]:
    """Names that must be unique and references that must resolve, each with its path."""
    return [
        *_duplicates(ws),
        *_team_references(ws),
        *_collaborator_references(ws),
        *_metric_references(ws),
        *_relationship_references(ws),
        *_repeated_relationships(ws),
        *_canvas_references(ws),
        *_objective_references(ws),
    ]


def _repeated(names: list[str]) -> set[str]:
    return {name for name, count in Counter(names).items() if count > 1}


def _duplicates(ws: Workspace) -> Iterator[Problem]:
    """Every occurrence of a repeated name is reported, so the canvas just renamed shows it too."""
    contexts = [c.name for c in ws.bounded_contexts]
    repeated_contexts, known_contexts = _repeated(contexts), set(contexts)
    for i, name in enumerate(contexts):
        if name in repeated_contexts:
            yield Problem(f"bounded_contexts[{i}].name", messages.DUPLICATE_CONTEXT.format(name=name))
    externals = [s.name for s in ws.external_systems]
    repeated_externals = _repeated(externals)
    for i, name in enumerate(externals):
        path = f"external_systems[{i}].name"
        if is_blank(name):
            yield Problem(path, messages.EMPTY_NAME.format(what="An external system"))
        elif name in known_contexts:
            yield Problem(path, messages.EXTERNAL_CLASHES_WITH_CONTEXT.format(name=name))
        elif name in repeated_externals:
            yield Problem(path, messages.DUPLICATE_EXTERNAL.format(name=name))
    teams = [t.name for t in ws.teams]
    repeated_teams = _repeated(teams)
    for i, name in enumerate(teams):
        if is_blank(name):
            yield Problem(f"teams[{i}].name", messages.EMPTY_NAME.format(what="A team"))
        elif name in repeated_teams:
            yield Problem(f"teams[{i}].name", messages.DUPLICATE_TEAM.format(name=name))


def _team_references(ws: Workspace) -> Iterator[Problem]:
    teams = {team.name for team in ws.teams}
    for i, context in enumerate(ws.bounded_contexts):
        if context.owner_team is not None and context.owner_team not in teams:
            yield Problem(f"bounded_contexts[{i}].owner_team", messages.UNKNOWN_TEAM.format(name=context.owner_team))


def _collaborator_references(ws: Workspace) -> Iterator[Problem]:
    known = {c.name for c in ws.bounded_contexts} | {s.name for s in ws.external_systems}
    for i, context in enumerate(ws.bounded_contexts):
        for direction in ("inbound", "outbound"):
            for j, entry in enumerate(getattr(context, direction)):
                path = f"bounded_contexts[{i}].{direction}[{j}].collaborator"
                if entry.collaborator == context.name:
                    yield Problem(path, messages.COLLABORATOR_IS_SELF.format(name=entry.collaborator))
                elif entry.collaborator not in known:
                    yield Problem(path, messages.UNKNOWN_CONTEXT.format(name=entry.collaborator))


def _metric_references(ws: Workspace) -> Iterator[Problem]:
    known = {c.name for c in ws.bounded_contexts} | {s.name for s in ws.external_systems}
    for i, context in enumerate(ws.bounded_contexts):
        for j, metric in enumerate(context.verification_metrics):
            if metric.watches is not None and metric.watches not in known:
                path = f"bounded_contexts[{i}].verification_metrics[{j}].watches"
                yield Problem(path, messages.UNKNOWN_CONTEXT.format(name=metric.watches))


def _relationship_references(ws: Workspace) -> Iterator[Problem]:
    known = {c.name for c in ws.bounded_contexts} | {s.name for s in ws.external_systems}
    for i, relationship in enumerate(ws.relationships):
        for side in ("upstream", "downstream"):
            name = getattr(relationship, side)
            if name not in known:
                yield Problem(f"relationships[{i}].{side}", messages.UNKNOWN_CONTEXT.format(name=name))


def _repeated_relationships(ws: Workspace) -> Iterator[Problem]:
    """A relationship given again (same ends, same pattern; either order for a symmetric one) names the first."""
    first: dict[tuple[str, str, str], int] = {}
    for i, relationship in enumerate(ws.relationships):
        ends = (relationship.upstream, relationship.downstream)
        if relationship.is_symmetric:
            ends = (min(ends), max(ends))
        key = (relationship.pattern.value, *ends)
        if key in first:
            yield Problem(
                f"relationships[{i}]",
                messages.DUPLICATE_RELATIONSHIP.format(
                    first=first[key] + 1, upstream=ends[0], downstream=ends[1], pattern=relationship.pattern.value
                ),
            )
        else:
            first[key] = i


def _canvas_references(ws: Workspace) -> Iterator[Problem]:
    contexts = {c.name for c in ws.bounded_contexts}
    published: set[str] = set()
    for i, api in enumerate(ws.api_products):
        path = f"api_products[{i}].bounded_context"
        if api.bounded_context not in contexts:
            yield Problem(path, messages.UNKNOWN_BOUNDED_CONTEXT.format(name=api.bounded_context))
        elif api.bounded_context in published:
            yield Problem(path, messages.DUPLICATE_API_PRODUCT.format(name=api.bounded_context))
        published.add(api.bounded_context)
    for i, canvas in enumerate(ws.architecture_canvases):
        for j, component in enumerate(canvas.components):
            if component.bounded_context is not None and component.bounded_context not in contexts:
                yield Problem(
                    f"architecture_canvases[{i}].components[{j}].bounded_context",
                    messages.UNKNOWN_BOUNDED_CONTEXT.format(name=component.bounded_context),
                )


def _objective_references(ws: Workspace) -> Iterator[Problem]:
    contexts, seen = {c.name for c in ws.bounded_contexts}, set()
    for i, objective in enumerate(ws.readiness.service_objectives):
        path = f"readiness.service_objectives[{i}].context"
        if objective.context not in contexts:
            yield Problem(path, messages.UNKNOWN_BOUNDED_CONTEXT.format(name=objective.context))
        elif objective.context in seen:
            yield Problem(path, messages.DUPLICATE_OBJECTIVE.format(name=objective.context))
        seen.add(objective.context)
