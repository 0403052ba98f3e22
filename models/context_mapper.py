"""What a Context Mapper (CML) model says that no canvas field holds, kept so the model exports as it came in.

A bounded context's type, implementation technology, responsibilities and the subdomains it implements; a
relationship's exposed aggregates and downstream rights (in models.relationship); the map's type and state, its
domains and subdomains with their own names, and the relationships between teams. No canvas shows these: they are
carried along for the round trip, written back as the same CML, and compared under "Context Mapper" in a review.
"""

from pydantic import Field

from models.base import StrictModel
from models.relationship import RelationshipPattern, Role


class ContextMapperContext(StrictModel):
    type: str = Field(default="", description="FEATURE, APPLICATION, SYSTEM, TEAM or UNDEFINED, as written.")
    implementation_technology: str = ""
    responsibilities: list[str] = Field(default_factory=list)
    implements: list[str] = Field(default_factory=list, description="The subdomains or domains it implements.")
    knowledge_level: str = Field(default="", description="META or CONCRETE.")
    refines: str = Field(default="", description="The context this one refines.")
    realizes: list[str] = Field(default_factory=list, description="A team's contexts, also those it does not own.")
    business_model: str = Field(default="", description="The model's text when no canvas option matches it.")
    aggregate_owners: dict[str, str] = Field(default_factory=dict, description="Aggregate name -> owner team.")


class ContextMapperSubdomain(StrictModel):
    name: str
    type: str = Field(default="", description="CORE_DOMAIN, SUPPORTING_DOMAIN, GENERIC_SUBDOMAIN or UNDEFINED.")
    vision: str = ""


class ContextMapperDomain(StrictModel):
    name: str
    vision: str = ""
    subdomains: list[ContextMapperSubdomain] = Field(default_factory=list)


class ContextMapperTeamRelationship(StrictModel):
    """A relationship with a team at one end: the team map, which the workspace's map of contexts leaves out."""

    upstream: str
    downstream: str
    pattern: RelationshipPattern
    upstream_roles: list[Role] = Field(default_factory=list)
    downstream_roles: list[Role] = Field(default_factory=list)
    name: str = ""


class ContextMapperModel(StrictModel):
    map_type: str = Field(default="", description="SYSTEM_LANDSCAPE, ORGANIZATIONAL or UNDEFINED, as written.")
    map_state: str = Field(default="", description="AS_IS, TO_BE or UNDEFINED, as written.")
    domains: list[ContextMapperDomain] = Field(default_factory=list)
    team_relationships: list[ContextMapperTeamRelationship] = Field(default_factory=list)
