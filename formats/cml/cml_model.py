"""The strategic content of a parsed CML file, each part with the place where it was written."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class At:
    """A place in the file: 1-based line and column, as editors count them."""

    line: int
    column: int
    file: str = ""  # set for a place in an imported file; empty in the file being imported


@dataclass(frozen=True)
class CmlProblem:
    """An error or warning about a CML file; line 0 means the file as a whole."""

    at: At
    message: str


@dataclass(frozen=True)
class CmlName:
    text: str  # without the ^ that escapes a keyword
    at: At
    escaped: bool = False


@dataclass(frozen=True)
class CmlSetting:
    """One `keyword = value` entry: a string, an enumeration value, or a list of names."""

    keyword: str
    at: At
    text: str = ""
    texts: tuple[str, ...] = ()
    names: tuple[CmlName, ...] = ()
    value_at: At | None = None


@dataclass(frozen=True)
class CmlRoles:
    """The bracket beside a relationship participant, such as [U,OHS,PL]."""

    at: At
    items: tuple[CmlName, ...]

    def written(self) -> str:
        return "[" + ",".join(item.text for item in self.items) + "]"


@dataclass(frozen=True)
class CmlRelationship:
    """A relationship as written: the brackets belong to the first and second participant."""

    at: At
    first: CmlName
    second: CmlName
    connector: str  # "->", "<-", "<->" or a keyword such as "Customer-Supplier"
    connector_at: At
    first_roles: CmlRoles | None
    second_roles: CmlRoles | None
    name: CmlName | None = None
    settings: tuple[CmlSetting, ...] = ()


@dataclass(frozen=True)
class CmlMap:
    at: At
    name: CmlName | None
    settings: tuple[CmlSetting, ...]
    contains: tuple[CmlName, ...]
    relationships: tuple[CmlRelationship, ...]
    start: int = 0  # offsets in the text, to find the comments written inside
    end: int = 0


@dataclass(frozen=True)
class CmlAggregate:
    name: CmlName
    owner: CmlName | None = None


@dataclass(frozen=True)
class CmlContext:
    at: At
    name: CmlName
    clauses: tuple[CmlSetting, ...]  # implements, realizes, refines: each with its names
    settings: tuple[CmlSetting, ...]
    aggregates: tuple[CmlAggregate, ...]
    start: int = 0
    end: int = 0

    def setting(self, keyword: str) -> CmlSetting | None:
        return next((s for s in self.settings if s.keyword == keyword), None)

    def referenced(self, clause: str) -> tuple[CmlName, ...]:
        return tuple(name for c in self.clauses if c.keyword == clause for name in c.names)


@dataclass(frozen=True)
class CmlSubdomain:
    name: CmlName
    settings: tuple[CmlSetting, ...]

    def setting(self, keyword: str) -> CmlSetting | None:
        return next((s for s in self.settings if s.keyword == keyword), None)


@dataclass(frozen=True)
class CmlDomain:
    name: CmlName
    settings: tuple[CmlSetting, ...]
    subdomains: tuple[CmlSubdomain, ...]


@dataclass(frozen=True)
class CmlComment:
    text: str  # as written, with its // or /* */
    at: At
    start: int
    end: int


@dataclass(frozen=True)
class CmlDocument:
    maps: tuple[CmlMap, ...] = ()
    contexts: tuple[CmlContext, ...] = ()
    domains: tuple[CmlDomain, ...] = ()
    imports: tuple[CmlSetting, ...] = ()
    skipped: tuple[CmlName, ...] = ()  # use cases, user stories, stakeholders, value registers
    comments: tuple[CmlComment, ...] = ()
    first_token: int = 0  # offset of the first token, to tell the file's top comment
    names: tuple[CmlName, ...] = field(default=(), repr=False)  # every name written, for the keyword rule
