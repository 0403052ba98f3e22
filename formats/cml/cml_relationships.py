"""Reads a CML relationship's arrow or keyword and brackets into a pattern with roles, and writes one back.

Accepts what Context Mapper's grammar accepts (canvases.md §5.2), except that the items in a bracket
may come in any order. Every rule it enforces is reported at the bracket item or connector at fault.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from formats.cml import cml_messages as text
from formats.cml.cml_model import At, CmlName, CmlProblem, CmlRelationship, CmlRoles
from models import messages
from models.relationship import (
    DOWNSTREAM_ROLES,
    PATTERN_LABELS,
    UPSTREAM_ROLES,
    RelationshipPattern,
    Role,
    find_pattern_problems,
)

ROLES_BY_WORD = {role.value: role for role in Role}
UPSTREAM_MARKERS, DOWNSTREAM_MARKERS, SYMMETRIC_TAGS = ("U", "S"), ("D", "C"), ("P", "SK")
_KNOWN_WORDS = {*ROLES_BY_WORD, *UPSTREAM_MARKERS, *DOWNSTREAM_MARKERS, *SYMMETRIC_TAGS}
_SYMMETRIC_KEYWORDS = {
    "Partnership": RelationshipPattern.PARTNERSHIP,
    "Shared-Kernel": RelationshipPattern.SHARED_KERNEL,
}
# keyword -> (the first participant is upstream, the keyword names Customer/Supplier)
_ASYMMETRIC_KEYWORDS = {
    "Upstream-Downstream": (True, False),
    "Downstream-Upstream": (False, False),
    "Supplier-Customer": (True, True),
    "Customer-Supplier": (False, True),
}


@dataclass(frozen=True)
class ReadRelationship:
    """A relationship as the workspace holds it; for symmetric patterns the first participant is `upstream`."""

    written: CmlRelationship
    pattern: RelationshipPattern
    upstream: CmlName
    downstream: CmlName
    upstream_roles: tuple[Role, ...]
    downstream_roles: tuple[Role, ...]

    @property
    def at(self) -> At:
        return self.written.at

    @property
    def is_symmetric(self) -> bool:
        return self.pattern in _SYMMETRIC_KEYWORDS.values()


def read_relationship(written: CmlRelationship) -> tuple[ReadRelationship | None, list[CmlProblem]]:
    """The relationship's pattern and roles, or None with the problems that make it unreadable."""
    problems = _unknown_words(written)
    if problems:
        return None, problems
    if written.connector == "<->" or written.connector in _SYMMETRIC_KEYWORDS:
        read, problems = _read_symmetric(written)
    elif written.connector in _ASYMMETRIC_KEYWORDS:
        read, problems = _read_keyword_form(written)
    else:
        read, problems = _read_arrow(written)
    if read is not None and not problems:
        problems = _pattern_rule_problems(read)
    return (None if problems else read), problems


def _brackets(written: CmlRelationship) -> list[CmlRoles]:
    return [roles for roles in (written.first_roles, written.second_roles) if roles is not None]


def _unknown_words(written: CmlRelationship) -> list[CmlProblem]:
    return [
        CmlProblem(item.at, text.UNKNOWN_ROLE.format(role=("^" if item.escaped else "") + item.text))
        for roles in _brackets(written)
        for item in roles.items
        if item.text not in _KNOWN_WORDS or item.escaped
    ]


def _read_symmetric(written: CmlRelationship) -> tuple[ReadRelationship | None, list[CmlProblem]]:
    brackets = _brackets(written)
    if written.connector in _SYMMETRIC_KEYWORDS:
        pattern = _SYMMETRIC_KEYWORDS[written.connector]
        if brackets:
            roles = " ".join(b.written() for b in brackets)
            message = text.ROLES_ON_SYMMETRIC_KEYWORD.format(pattern=PATTERN_LABELS[pattern], roles=roles)
            return None, [CmlProblem(brackets[0].at, message)]
    elif not brackets:
        pattern = RelationshipPattern.SHARED_KERNEL  # the bare `A <-> B` of Context Mapper
    else:
        tags = [tuple(item.text for item in b.items) for b in brackets]
        if len(brackets) != 2 or tags[0] != tags[1] or tags[0] not in (("P",), ("SK",)):
            found = " and ".join(b.written() for b in brackets)
            return None, [CmlProblem(brackets[0].at, text.SYMMETRIC_TAGS.format(found=found))]
        pattern = RelationshipPattern.PARTNERSHIP if tags[0] == ("P",) else RelationshipPattern.SHARED_KERNEL
    return ReadRelationship(written, pattern, written.first, written.second, (), ()), []


def _read_arrow(written: CmlRelationship) -> tuple[ReadRelationship | None, list[CmlProblem]]:
    first_is_upstream = written.connector == "->"
    first, second = (written.first_roles, written.second_roles)
    up, down = (first, second) if first_is_upstream else (second, first)
    upstream, downstream = (written.first, written.second) if first_is_upstream else (written.second, written.first)
    problems = []
    for roles in (up, down):
        if roles is not None and not roles.items:
            problems.append(CmlProblem(roles.at, text.EMPTY_ARROW_BRACKET))
        for item in roles.items if roles is not None else ():
            if item.text in SYMMETRIC_TAGS:
                message = text.SYMMETRIC_TAG_ON_ARROW.format(tag=item.text, connector=written.connector)
                problems.append(CmlProblem(item.at, message))
    problems += _misplaced(up, upstream, DOWNSTREAM_MARKERS, DOWNSTREAM_ROLES, is_upstream=True)
    problems += _misplaced(down, downstream, UPSTREAM_MARKERS, UPSTREAM_ROLES, is_upstream=False)
    if problems:
        return None, problems
    supplier, customer = _has(up, "S"), _has(down, "C")
    if supplier != customer:
        holder = up if supplier else down  # the bracket that has its marker
        at = holder.at if holder is not None else written.connector_at
        present = "S" if supplier else "C"
        return None, [CmlProblem(at, text.CUSTOMER_WITHOUT_SUPPLIER.format(present=present))]
    pattern = RelationshipPattern.CUSTOMER_SUPPLIER if supplier else RelationshipPattern.UPSTREAM_DOWNSTREAM
    return ReadRelationship(written, pattern, upstream, downstream, _roles_in(up), _roles_in(down)), []


def _read_keyword_form(written: CmlRelationship) -> tuple[ReadRelationship | None, list[CmlProblem]]:
    first_is_upstream, customer_supplier = _ASYMMETRIC_KEYWORDS[written.connector]
    first, second = written.first_roles, written.second_roles
    up, down = (first, second) if first_is_upstream else (second, first)
    upstream, downstream = (written.first, written.second) if first_is_upstream else (written.second, written.first)
    problems = [
        CmlProblem(item.at, _marker_or_tag_message(item.text, written.connector))
        for roles in (up, down)
        if roles is not None
        for item in roles.items
        if item.text not in ROLES_BY_WORD
    ]
    problems += _misplaced(up, upstream, (), DOWNSTREAM_ROLES, is_upstream=True)
    problems += _misplaced(down, downstream, (), UPSTREAM_ROLES, is_upstream=False)
    if problems:
        return None, problems
    pattern = RelationshipPattern.CUSTOMER_SUPPLIER if customer_supplier else RelationshipPattern.UPSTREAM_DOWNSTREAM
    return ReadRelationship(written, pattern, upstream, downstream, _roles_in(up), _roles_in(down)), []


def _marker_or_tag_message(word: str, connector: str) -> str:
    if word in SYMMETRIC_TAGS:
        return text.SYMMETRIC_TAG_ON_ARROW.format(tag=word, connector=connector)
    return text.MARKER_ON_KEYWORD.format(connector=connector, marker=word)


def _misplaced(
    roles: CmlRoles | None,
    name: CmlName,
    other_markers: tuple[str, ...],
    other_roles: frozenset[Role],
    *,
    is_upstream: bool,
) -> list[CmlProblem]:
    """Markers and roles of the other side found in this side's bracket, worded as the app words them."""
    problems = []
    side, other = ("upstream", "downstream") if is_upstream else ("downstream", "upstream")
    seen: set[str] = set()
    for item in roles.items if roles is not None else ():
        if item.text in seen:
            problems.append(CmlProblem(item.at, messages.DUPLICATE_ROLE.format(role=item.text)))
        seen.add(item.text)
        if item.text in other_markers:
            message = text.MARKER_ON_WRONG_SIDE.format(marker=item.text, side=other, name=name.text, other=side)
            problems.append(CmlProblem(item.at, message))
        elif item.text in ROLES_BY_WORD and ROLES_BY_WORD[item.text] in other_roles:
            wording = messages.DOWNSTREAM_ROLE_UPSTREAM if is_upstream else messages.UPSTREAM_ROLE_DOWNSTREAM
            problems.append(CmlProblem(item.at, wording.format(roles=item.text, name=name.text)))
    return problems


def _has(roles: CmlRoles | None, word: str) -> bool:
    return roles is not None and any(item.text == word for item in roles.items)


def _roles_in(roles: CmlRoles | None) -> tuple[Role, ...]:
    return tuple(ROLES_BY_WORD[item.text] for item in roles.items if item.text in ROLES_BY_WORD) if roles else ()


def _pattern_rule_problems(read: ReadRelationship) -> list[CmlProblem]:
    """Context Mapper's rules on a well-formed relationship: no self relationship, OHS/CF with C/S, ACL+CF."""
    if read.upstream.text == read.downstream.text:
        return [CmlProblem(read.written.at, messages.SELF_RELATIONSHIP.format(name=read.upstream.text))]
    found = find_pattern_problems(
        read.pattern,
        (read.upstream.text, list(read.upstream_roles)),
        (read.downstream.text, list(read.downstream_roles)),
    )
    return [CmlProblem(read.written.connector_at, problem) for problem in found]


def write_relationship(
    upstream: str,
    downstream: str,
    pattern: RelationshipPattern,
    upstream_roles: Iterable[Role],
    downstream_roles: Iterable[Role],
) -> str:
    """The arrow form of a relationship between two written identifiers; Separate Ways has no CML form."""
    if pattern is RelationshipPattern.PARTNERSHIP:
        return f"{upstream} [P]<->[P] {downstream}"
    if pattern is RelationshipPattern.SHARED_KERNEL:
        return f"{upstream} [SK]<->[SK] {downstream}"
    if pattern is RelationshipPattern.SEPARATE_WAYS:
        raise ValueError("Separate Ways has no CML construct")
    customer_supplier = pattern is RelationshipPattern.CUSTOMER_SUPPLIER
    up_markers, down_markers = (["U", "S"], ["D", "C"]) if customer_supplier else (["U"], ["D"])
    up = ",".join([*up_markers, *(role.value for role in upstream_roles)])
    down = ",".join([*down_markers, *(role.value for role in downstream_roles)])
    return f"{upstream} [{up}]->[{down}] {downstream}"


def _ends(relationship: dict[str, Any]) -> tuple[str, ...]:
    ends = (relationship["upstream"], relationship["downstream"])
    symmetric = relationship["pattern"] in (
        RelationshipPattern.PARTNERSHIP.value,
        RelationshipPattern.SHARED_KERNEL.value,
    )
    return tuple(sorted(ends)) if symmetric else ends


def same_relationship(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Two relationships read into workspace data that are one: same contexts (either order when symmetric),
    pattern and roles."""
    if old["pattern"] != new["pattern"] or _ends(old) != _ends(new):
        return False  # a Separate Ways note's data has no roles: it never gets this far against a CML relationship
    return all(sorted(old.get(r, [])) == sorted(new.get(r, [])) for r in ("upstream_roles", "downstream_roles"))


def merge_relationship(old: dict[str, Any], new: dict[str, Any]) -> None:
    """Adds what the repeat says and the first does not: a name, a technology, exposed aggregates, rights."""
    for key in ("name", "implementation_technology"):
        old[key] = old[key] or new[key]
    kept, more = old["context_mapper"], new["context_mapper"]
    kept["exposed_aggregates"] += [a for a in more["exposed_aggregates"] if a not in kept["exposed_aggregates"]]
    kept["downstream_rights"] = kept["downstream_rights"] or more["downstream_rights"]
