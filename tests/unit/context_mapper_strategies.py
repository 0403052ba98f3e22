"""Hypothesis strategies for the Context Mapper blocks a CML import keeps (models.context_mapper), with values
Context Mapper accepts, so a workspace that holds them still exports as valid CML."""

from hypothesis import strategies as st

from models.context_mapper import (
    ContextMapperContext,
    ContextMapperDomain,
    ContextMapperModel,
    ContextMapperSubdomain,
    ContextMapperTeamRelationship,
)
from models.relationship import ContextMapperRelationship, RelationshipPattern, Role

identifier = st.from_regex(r"[A-Z][A-Za-z0-9_]{0,8}", fullmatch=True)
cml_text = st.text(st.characters(codec="utf-8"), max_size=20)  # any text a CML string can hold
CONTEXT_TYPES = ("", "FEATURE", "APPLICATION", "SYSTEM", "UNDEFINED")


def kept_context(others: list[str], *, team: bool = False) -> st.SearchStrategy[ContextMapperContext]:
    """A context's block; `others` are the parties it may refine (or, for a team, realize)."""
    return st.builds(
        ContextMapperContext,
        type=st.just("TEAM") if team else st.sampled_from(CONTEXT_TYPES),
        implementation_technology=cml_text,
        responsibilities=st.lists(cml_text, max_size=2),
        implements=st.lists(identifier, max_size=2, unique=True),
        knowledge_level=st.sampled_from(["", "META", "CONCRETE"]),
        refines=st.sampled_from(["", *others]),
        realizes=st.lists(st.sampled_from(others), max_size=2, unique=True) if others else st.just([]),
        business_model=st.sampled_from(["", "UNDEFINED", "Licence fees"]),
        aggregate_owners=st.dictionaries(identifier, identifier, max_size=1),
    )


kept_relationship = st.builds(
    ContextMapperRelationship,
    exposed_aggregates=st.lists(identifier, max_size=2, unique=True),
    downstream_rights=st.sampled_from(["", "INFLUENCER", "VETO_RIGHT"]),
)


def kept_model(parties: list[str], teams: list[str]) -> st.SearchStrategy[ContextMapperModel]:
    subdomains = st.lists(
        st.builds(
            ContextMapperSubdomain,
            name=identifier,
            type=st.sampled_from(["", "CORE_DOMAIN", "UNDEFINED"]),
            vision=cml_text,
        ),
        max_size=2,
    )
    ends = [*parties, *teams]
    team_relationships = (
        st.lists(
            st.builds(
                ContextMapperTeamRelationship,
                upstream=st.sampled_from(ends),
                downstream=st.sampled_from(ends),
                pattern=st.just(RelationshipPattern.UPSTREAM_DOWNSTREAM),
                upstream_roles=st.sampled_from([[], [Role.OPEN_HOST_SERVICE]]),
                downstream_roles=st.sampled_from([[], [Role.CONFORMIST]]),
                name=st.sampled_from(["", "Supplies"]),
            ),
            max_size=1,
        )
        if ends
        else st.just([])
    )
    return st.builds(
        ContextMapperModel,
        map_type=st.sampled_from(["", "SYSTEM_LANDSCAPE", "ORGANIZATIONAL", "UNDEFINED"]),
        map_state=st.sampled_from(["", "AS_IS", "TO_BE"]),
        domains=st.lists(
            st.builds(ContextMapperDomain, name=identifier, vision=cml_text, subdomains=subdomains), max_size=1
        ),
        team_relationships=team_relationships,
    )
