"""Every user-facing validation text of the domain model, so wording is reviewed in one place."""

EMPTY_NAME = "{what} needs a name."
REQUIRED_TEXT = "Must not be empty: fill it in or delete the entry."
DUPLICATE_ROLE = "Role {role} is listed twice."

# Relationship pattern rules (DDD context mapping, as enforced by Context Mapper).
SELF_RELATIONSHIP = "A context cannot have a relationship with itself ('{name}')."
SYMMETRIC_WITH_ROLES = (
    "{pattern} is symmetric: it has no upstream or downstream side, so it takes no roles (found {roles})."
)
UPSTREAM_ROLE_DOWNSTREAM = (
    "{roles} belong to the upstream side (the side that publishes), but '{name}' is downstream here."
)
DOWNSTREAM_ROLE_UPSTREAM = (
    "{roles} belong to the downstream side (the side that consumes), but '{name}' is upstream here."
)
CUSTOMER_SUPPLIER_OHS = (
    "In Customer/Supplier the supplier plans for its customer, so the supplier '{name}' cannot "
    "also be an Open Host Service (OHS) serving everyone alike."
)
CUSTOMER_SUPPLIER_CF = (
    "In Customer/Supplier the customer has a say in the supplier's model, so the customer "
    "'{name}' cannot be Conformist (CF)."
)
ACL_WITH_CF = (
    "'{name}' cannot be both Anticorruption Layer (ACL) and Conformist (CF): an ACL translates "
    "the upstream model, a Conformist adopts it."
)
SIDE_NEEDED = "Choose whether this context is upstream or downstream of '{name}' before giving roles for {pattern}."
SIDE_ON_SYMMETRIC = "{pattern} is symmetric: leave the side empty (found '{side}')."

# Workspace-wide references.
CONTROL_CHARACTER = "Holds a control character ({code}) at position {position}; a name cannot hold one."
DUPLICATE_RELATIONSHIP = (
    "Repeats relationship {first} ({upstream} -> {downstream}, {pattern}); give each relationship once."
)
UNKNOWN_CONTEXT = "'{name}' is not a bounded context or external system of this workspace."
UNKNOWN_BOUNDED_CONTEXT = "'{name}' is not a bounded context of this workspace."
UNKNOWN_TEAM = "'{name}' is not a team of this workspace; add it under Teams first."
DUPLICATE_CONTEXT = "Another bounded context is already called '{name}'."
DUPLICATE_EXTERNAL = "Another external system is already called '{name}'."
EXTERNAL_CLASHES_WITH_CONTEXT = "'{name}' is already the name of a bounded context."
DUPLICATE_TEAM = "Another team is already called '{name}'."
DUPLICATE_API_PRODUCT = "'{name}' already has an API Product Canvas; a context has at most one."
COLLABORATOR_IS_SELF = "A context cannot list itself ('{name}') as a collaborator."
AVAILABILITY_RANGE = "Availability is a percentage between 0 and 100 (found {value})."

# Delivery-phase readiness (models/readiness.py).
NOT_A_DATE = "A date as YYYY-MM-DD, e.g. 2027-03-31 (found '{value}')."
DUPLICATE_OBJECTIVE = "'{name}' already has service objectives; give each context one row."
