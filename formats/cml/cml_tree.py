"""Reads lark's parse tree of a CML file into CmlDocument parts, keeping where each part was written."""

from dataclasses import dataclass
from typing import Any

from lark import Token, Transformer, v_args
from lark.tree import Meta

from formats.cml.cml_lexicon import read_string
from formats.cml.cml_model import (
    At,
    CmlAggregate,
    CmlContext,
    CmlDocument,
    CmlDomain,
    CmlMap,
    CmlName,
    CmlRelationship,
    CmlRoles,
    CmlSetting,
    CmlSubdomain,
)


def _at(token: Token) -> At:
    return At(token.line or 0, token.column or 0)


def _meta_at(meta: Meta) -> At:
    return At(meta.line, meta.column)


@dataclass(frozen=True)
class _Block:
    """A skipped {...} block: its tokens and nested blocks, searched for aggregates and owners."""

    items: tuple[Any, ...]


@dataclass(frozen=True)
class _Part:
    """A part of a construct that its parent sorts out: a context body, a clause, a relationship name."""

    kind: str
    items: tuple[Any, ...]


def _of_type(items: list[Any], kind: type) -> tuple[Any, ...]:
    return tuple(item for item in items if isinstance(item, kind))


def _parts(items: list[Any], kind: str) -> tuple[Any, ...]:
    return tuple(x for item in items if isinstance(item, _Part) and item.kind == kind for x in item.items)


def _owner_in(block: _Block | None) -> CmlName | None:
    """The `owner [=] Team` among the tokens of an aggregate body (to this grammar, owner is a plain name)."""
    if block is None:
        return None
    tokens = [item for item in block.items if isinstance(item, Token)]
    for i, token in enumerate(tokens[:-1]):
        if token.type == "ID" and token.value == "owner":
            following = tokens[i + 2] if tokens[i + 1].type == "EQUAL" and i + 2 < len(tokens) else tokens[i + 1]
            return _name_of(following) if following.type == "ID" else None
    return None


def _aggregates_in(block: _Block | None) -> tuple[CmlAggregate, ...]:
    """The aggregates declared directly in a module body."""
    if block is None:
        return ()
    found = []
    items = block.items
    for i, item in enumerate(items[:-1]):
        following = items[i + 1]
        if (
            isinstance(item, Token)
            and item.type == "AGGREGATE"
            and isinstance(following, Token)
            and following.type == "ID"
        ):
            body = items[i + 2] if i + 2 < len(items) and isinstance(items[i + 2], _Block) else None
            found.append(CmlAggregate(_name_of(following), _owner_in(body)))
    return tuple(found)


def _name_of(token: Token) -> CmlName:
    value = str(token.value)
    return CmlName(value.removeprefix("^"), _at(token), value.startswith("^"))


class CmlTreeReader(Transformer[Token, Any]):
    """Turns the parse tree into CmlDocument parts; `names` collects every name as written."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[CmlName] = []

    def name(self, children: list[Token]) -> CmlName:
        name = _name_of(children[0])
        self.names.append(name)
        return name

    def value(self, children: list[Token]) -> CmlName:
        return _name_of(children[0])

    role = value

    def skip_block(self, children: list[Any]) -> _Block:
        return _Block(tuple(children))

    @v_args(meta=True)
    def skipped_top(self, meta: Meta, children: list[Any]) -> _Part:
        return _Part("skipped", (CmlName(str(children[0]), _meta_at(meta)),))

    @v_args(meta=True)
    def import_statement(self, meta: Meta, children: list[Token]) -> _Part:
        return _Part("import", (CmlSetting("import", _meta_at(meta), read_string(children[0])),))

    # Settings: `keyword [=] value`, where the value is a string, an enumeration value or names.

    def _string_setting(self, keyword: str, meta: Meta, children: list[Token]) -> CmlSetting:
        return CmlSetting(keyword, _meta_at(meta), read_string(children[0]), value_at=_at(children[0]))

    def _value_setting(self, keyword: str, meta: Meta, children: list[CmlName]) -> CmlSetting:
        value = children[0]
        return CmlSetting(keyword, _meta_at(meta), value.text, names=(value,), value_at=value.at)

    def _names_setting(self, keyword: str, meta: Meta, children: list[CmlName]) -> CmlSetting:
        return CmlSetting(keyword, _meta_at(meta), names=tuple(children))

    @v_args(meta=True)
    def vision(self, meta: Meta, children: list[Token]) -> CmlSetting:
        return self._string_setting("domainVisionStatement", meta, children)

    @v_args(meta=True)
    def technology(self, meta: Meta, children: list[Token]) -> CmlSetting:
        return self._string_setting("implementationTechnology", meta, children)

    @v_args(meta=True)
    def business_model(self, meta: Meta, children: list[Token]) -> CmlSetting:
        return self._string_setting("businessModel", meta, children)

    @v_args(meta=True)
    def responsibilities(self, meta: Meta, children: list[Token]) -> CmlSetting:
        return CmlSetting("responsibilities", _meta_at(meta), texts=tuple(read_string(c) for c in children))

    @v_args(meta=True)
    def map_type(self, meta: Meta, children: list[CmlName]) -> CmlSetting:
        return self._value_setting("type", meta, children)

    context_type = subdomain_type = map_type

    @v_args(meta=True)
    def map_state(self, meta: Meta, children: list[CmlName]) -> CmlSetting:
        return self._value_setting("state", meta, children)

    @v_args(meta=True)
    def knowledge_level(self, meta: Meta, children: list[CmlName]) -> CmlSetting:
        return self._value_setting("knowledgeLevel", meta, children)

    @v_args(meta=True)
    def evolution(self, meta: Meta, children: list[CmlName]) -> CmlSetting:
        return self._value_setting("evolution", meta, children)

    @v_args(meta=True)
    def downstream_rights(self, meta: Meta, children: list[CmlName]) -> CmlSetting:
        return self._value_setting("downstreamRights", meta, children)

    @v_args(meta=True)
    def exposed_aggregates(self, meta: Meta, children: list[CmlName]) -> CmlSetting:
        return self._names_setting("exposedAggregates", meta, children)

    @v_args(meta=True)
    def contains(self, meta: Meta, children: list[CmlName]) -> CmlSetting:
        return self._names_setting("contains", meta, children)

    @v_args(meta=True)
    def implements(self, meta: Meta, children: list[CmlName]) -> CmlSetting:
        return self._names_setting("implements", meta, children)

    @v_args(meta=True)
    def realizes(self, meta: Meta, children: list[CmlName]) -> CmlSetting:
        return self._names_setting("realizes", meta, children)

    @v_args(meta=True)
    def refines(self, meta: Meta, children: list[CmlName]) -> CmlSetting:
        return self._names_setting("refines", meta, children)

    @v_args(meta=True)
    def supports(self, meta: Meta, children: list[CmlName]) -> CmlSetting:
        return self._names_setting("supports", meta, children)

    # Relationships.

    @v_args(meta=True)
    def roles(self, meta: Meta, children: list[Any]) -> CmlRoles:
        return CmlRoles(_meta_at(meta), _of_type(children, CmlName))

    def relationship_keyword(self, children: list[Token]) -> Token:
        return children[0]

    @v_args(meta=True)
    def one_way(self, meta: Meta, children: list[Any]) -> CmlRelationship:
        # The brackets before the connector belong to the first participant, those after to the second.
        connector_index = next(i for i, c in enumerate(children) if isinstance(c, Token))
        connector: Token = children[connector_index]
        first, second = _of_type(children, CmlName)
        before = _of_type(children[:connector_index], CmlRoles)
        after = _of_type(children[connector_index:], CmlRoles)
        first_roles, second_roles = next(iter(before), None), next(iter(after), None)
        return CmlRelationship(_meta_at(meta), first, second, str(connector), _at(connector), first_roles, second_roles)

    symmetric = keyword_form = one_way

    def relationship_name(self, children: list[CmlName]) -> _Part:
        return _Part("relationship_name", tuple(children))

    def relationship_body(self, children: list[CmlSetting]) -> _Part:
        return _Part("settings", tuple(children))

    @v_args(meta=True)
    def relationship(self, meta: Meta, children: list[Any]) -> CmlRelationship:
        written: CmlRelationship = children[0]
        name = next(iter(_parts(children, "relationship_name")), None)
        return CmlRelationship(
            _meta_at(meta),
            written.first,
            written.second,
            written.connector,
            written.connector_at,
            written.first_roles,
            written.second_roles,
            name,
            _parts(children, "settings"),
        )

    @v_args(meta=True)
    def context_map(self, meta: Meta, children: list[Any]) -> CmlMap:
        settings = [s for s in _of_type(children, CmlSetting) if s.keyword != "contains"]
        contained = tuple(n for s in _of_type(children, CmlSetting) if s.keyword == "contains" for n in s.names)
        name = next(iter(_of_type(children, CmlName)), None)
        relationships = _of_type(children, CmlRelationship)
        return CmlMap(_meta_at(meta), name, tuple(settings), contained, relationships, meta.start_pos, meta.end_pos)

    # Bounded contexts and domains.

    def aggregate(self, children: list[Any]) -> CmlAggregate:
        block = next(iter(_of_type(children, _Block)), None)
        return CmlAggregate(children[0], _owner_in(block))

    def module(self, children: list[Any]) -> _Part:
        return _Part("aggregates", _aggregates_in(next(iter(_of_type(children, _Block)), None)))

    def application(self, children: list[Any]) -> None:
        return None

    service = application

    def context_body(self, children: list[Any]) -> _Part:
        aggregates = [*_of_type(children, CmlAggregate), *_parts(children, "aggregates")]
        return _Part("body", (_of_type(children, CmlSetting), tuple(aggregates)))

    @v_args(meta=True)
    def bounded_context(self, meta: Meta, children: list[Any]) -> CmlContext:
        name: CmlName = children[0]
        clauses = _of_type(children, CmlSetting)
        body = _parts(children, "body")
        settings, aggregates = body if body else ((), ())
        return CmlContext(_meta_at(meta), name, clauses, settings, aggregates, meta.start_pos, meta.end_pos)

    def subdomain_body(self, children: list[Any]) -> _Part:
        return _Part("settings", _of_type(children, CmlSetting))

    def subdomain(self, children: list[Any]) -> CmlSubdomain:
        return CmlSubdomain(children[0], _parts(children, "settings"))

    def domain_body(self, children: list[Any]) -> _Part:
        return _Part("body", (_of_type(children, CmlSetting), _of_type(children, CmlSubdomain)))

    def domain(self, children: list[Any]) -> CmlDomain:
        body = _parts(children, "body")
        settings, subdomains = body if body else ((), ())
        return CmlDomain(children[0], settings, subdomains)

    def start(self, children: list[Any]) -> CmlDocument:
        return CmlDocument(
            maps=_of_type(children, CmlMap),
            contexts=_of_type(children, CmlContext),
            domains=_of_type(children, CmlDomain),
            imports=_parts(children, "import"),
            skipped=_parts(children, "skipped"),
        )
