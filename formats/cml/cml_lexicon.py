"""The words and literals of CML: keywords, identifiers and strings, read and written."""

import re
import unicodedata


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Every single-word keyword of Context Mapper's grammars (ContextMappingDSL.xtext with the
# Sculptor-derived TacticDDDLanguage.xtext, HEAD of 2025): the lexer there treats them as keywords
# everywhere, so a name equal to one must be written with a leading ^. Multi-word keywords
# ("split by", "delegates to") reserve no single word.
STRATEGIC_KEYWORDS = _words(
    """
    import ContextMap type state contains BoundedContext implements realizes refines
    domainVisionStatement responsibilities implementationTechnology knowledgeLevel businessModel evolution
    Domain Subdomain supports P SK Partnership U D S C exposedAggregates downstreamRights PL OHS ACL CF
    UNDEFINED AS_IS TO_BE SYSTEM_LANDSCAPE ORGANIZATIONAL FEATURE APPLICATION SYSTEM TEAM
    CORE_DOMAIN SUPPORTING_DOMAIN GENERIC_SUBDOMAIN INFLUENCER OPINION_LEADER VETO_RIGHT DECISION_MAKER
    MONOPOLIST META CONCRETE NORMAL RARELY OFTEN HIGH LOW HUGE TINY GENESIS CUSTOM_BUILT PRODUCT COMMODITY
    Aggregate useCases userStories features userRequirements owner likelihoodForChange structuralVolatility
    contentVolatility availabilityCriticality consistencyCriticality storageSimilarity securityCriticality
    securityZone securityAccessGroup Application Functionality sagaOrchestrator Flow command operation event
    triggers X x O o UseCase actor secondaryActors interactions benefit scope level UserStory a an the in for
    to create read update delete Module external basePackage hint
    """
)
TACTICAL_KEYWORDS = _words(
    """
    ApplicationPart Service gap nogap webservice Resource scaffold path Consumer queueName topicName subscribe
    eventBus publish void throws write GET POST PUT DELETE None cache query condition select groupBy orderBy
    construct build map AccessObject Entity extends with package optimisticLocking auditable databaseTable
    discriminatorValue discriminatorColumn discriminatorType discriminatorLength inheritanceType validate
    aggregateRoot belongsTo ValueObject immutable persistent DomainEvent Event Command CommandEvent Trait def
    abstract DataTransferObject BasicType key changeable required nullable index assertFalse assertTrue
    creditCardNumber digits email future past max min decimalMax decimalMin notEmpty notBlank pattern range
    size length scriptAssert url transient databaseColumn databaseType cascade fetch inverse databaseJoinTable
    databaseJoinColumn valid orderby orderColumn Repository inject enum aggregateLifecycle ordinal JOINED
    SINGLE_TABLE STRING CHAR INTEGER String int Integer long Long boolean Boolean Date DateTime Timestamp
    BigDecimal BigInteger double Double float Float Key PagingParameter PagedResult Blob Clob Set List Bag
    Collection Map public protected private not opposite reference
    """
)
KEYWORDS = STRATEGIC_KEYWORDS | TACTICAL_KEYWORDS

# Words of newer CML features (stakeholders, value registers) that may be keywords there. A name
# is never rejected for them on import, but the exporter escapes them: a needless ^ is harmless.
NEWER_KEYWORDS = _words(
    """
    Stakeholders Stakeholder StakeholderGroup ValueRegister ValueCluster Value ValueEpic ValueNarrative
    ValueWeighting description influence interest priority impact consequences of
    """
)

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NOT_IDENTIFIER_PART = re.compile(r"[^A-Za-z0-9_]+")


def is_identifier(text: str) -> bool:
    """True for a CML ID without its escape: a letter or underscore, then letters, digits, underscores."""
    return _IDENTIFIER.fullmatch(text) is not None


def to_identifier(name: str, fallback: str) -> str:
    """A CML ID for any name: accents dropped, other characters turned into underscores.

    "Offers & Transactions" becomes Offers_Transactions and "Ärger" becomes Arger; a name with
    nothing usable becomes `fallback`.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    identifier = "_".join(part for part in _NOT_IDENTIFIER_PART.split(ascii_name) if part)
    if not identifier:
        return fallback
    return f"_{identifier}" if identifier[0].isdigit() else identifier


def escape_identifier(identifier: str) -> str:
    """The identifier as written in CML: with ^ in front when it is (or may be) a keyword."""
    return f"^{identifier}" if identifier in KEYWORDS | NEWER_KEYWORDS else identifier


_SIMPLE_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "'": "'", "\\": "\\"}
_WRITTEN_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_UNICODE_ESCAPE = re.compile(r"u+([0-9A-Fa-f]{4})")


def read_string(literal: str) -> str:
    """The text of a CML string literal (quotes included), with Java-style escapes decoded.

    A UTF-16 surrogate pair written as two \\u escapes becomes one character; an unknown escape
    keeps the character after the backslash, as Xtext's converter does.
    """
    body = literal[1:-1]
    out: list[str] = []
    i = 0
    while i < len(body):
        char = body[i]
        if char != "\\" or i + 1 == len(body):
            out.append(char)
            i += 1
            continue
        following = body[i + 1]
        unicode_escape = _UNICODE_ESCAPE.match(body, i + 1)
        if unicode_escape:
            out.append(chr(int(unicode_escape.group(1), 16)))
            i = unicode_escape.end()
        else:
            out.append(_SIMPLE_ESCAPES.get(following, following))
            i += 2
    return _join_surrogates("".join(out))


def _join_surrogates(text: str) -> str:
    if not any("\ud800" <= char <= "\udfff" for char in text):
        return text
    # Pairs become one character; a lone surrogate is not text, so it is replaced.
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def write_string(text: str) -> str:
    """A double-quoted CML string holding `text` exactly; control characters become escapes."""
    out = []
    for char in text:
        if char in _WRITTEN_ESCAPES:
            out.append(_WRITTEN_ESCAPES[char])
        elif unicodedata.category(char) == "Cc":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'
