"""The Architecture Communication Canvas (arc42): header and its nine sections."""

from enum import StrEnum

from pydantic import Field, field_validator

from models import messages
from models.base import Name, RequiredText, StrictModel, is_blank


class DecisionVerdict(StrEnum):
    GOOD = "good"
    BAD = "bad"
    OPEN = "open"


class QualityRequirement(StrictModel):
    quality: RequiredText
    requirement: str = ""


class BusinessNeighbour(StrictModel):
    """An external system, interface, actor or user role that matters to the system."""

    name: RequiredText
    kind: str = Field(default="", description="e.g. data source, data sink, user role, vendor API")
    description: str = ""


class CoreDecision(StrictModel):
    decision: RequiredText
    verdict: DecisionVerdict | None = None
    reason: str = ""


class Component(StrictModel):
    name: RequiredText
    responsibility: str = ""
    bounded_context: Name | None = Field(default=None, description="The bounded context it implements.")


class ArchitectureCommunicationCanvas(StrictModel):
    name: Name
    system: str = ""
    created_by: str = ""
    created_for: str = ""
    date_iteration: str = ""
    value_proposition: str = ""
    key_stakeholders: list[str] = Field(default_factory=list)
    core_functions: list[str] = Field(default_factory=list)
    quality_requirements: list[QualityRequirement] = Field(default_factory=list)
    business_context: list[BusinessNeighbour] = Field(default_factory=list)
    core_decisions: list[CoreDecision] = Field(default_factory=list)
    technologies: list[str] = Field(default_factory=list)
    components: list[Component] = Field(default_factory=list)
    risks: list[str] = Field(default_factory=list, description="Core risks and missing information.")

    @field_validator("name")
    @classmethod
    def _check_name(cls, value: str) -> str:
        if is_blank(value):
            raise ValueError(messages.EMPTY_NAME.format(what="An Architecture Communication Canvas"))
        return value
