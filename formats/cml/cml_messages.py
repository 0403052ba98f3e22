"""Every user-facing text of the CML import and export, so wording is reviewed in one place.

Rules shared with the app (self relationships, roles on the wrong side, Customer/Supplier with
OHS or CF, ACL with CF) use the texts of models/messages.py, so a file and a form say the same.
"""

# Reading the file.
CANNOT_READ = "Cannot be read: {reason}."
DECLARES_NOTHING = "Declares nothing to import: no ContextMap, BoundedContext or Domain, only white space and comments."
TOO_LARGE = "The file is {size:.1f} MB; a CML file may be at most {limit} MB."
PAST_SIZE_LIMIT = "The file is {size:.1f} MB and grows past the limit of {limit} MB for a CML file here."
NOT_UTF8 = "The file is not UTF-8 text: byte {offset} cannot be read."
TOO_MANY_TOKENS = (
    "The file holds more than {limit} words and symbols; this is where it passes that limit, which keeps "
    "reading within seconds (real models hold a few thousand)."
)
NESTED_TOO_DEEPLY = "Blocks are nested more than {limit} levels deep here; no real CML model needs that."
UNCLOSED_STRING = "This string is never closed: add the closing {quote}."
UNCLOSED_COMMENT = "This comment is never closed: add */."
UNEXPECTED_CHARACTER = "'{char}' cannot stand here."
UNEXPECTED_TOKEN = "Expected {expected}, but found {found}."
UNEXPECTED_END = "The file ends too early: expected {expected}."
UNCLOSED_BLOCK = " The '{{' at line {line}, column {column} is never closed."
KEYWORD_FOR_NAME = "'{word}' is a CML keyword, so it cannot be a name as it stands; write ^{word} to use it as one."
EXPECTED_NAME = "a name"
EXPECTED_STRING = "a quoted string"
EXPECTED_NUMBER = "a number"
EXPECTED_OTHER = "a symbol"
FOUND_END = "the end of the file"
ONE_OF = "one of {items}"

# The model as written.
MORE_THAN_ONE_MAP = "A CML file holds one ContextMap; this is a second one."
GIVEN_TWICE = "'{keyword}' is given twice here; give it once."
UNKNOWN_VALUE = "'{value}' is not a {what}; use one of {allowed}."
ESCAPED_VALUE = "'^{value}' is a name, not the {what} {value}; leave out the ^."
DUPLICATE_CONTEXT = "Another BoundedContext is already called '{name}' ({where})."
DUPLICATE_DOMAIN = "Another Domain is already called '{name}' ({where})."
DUPLICATE_SUBDOMAIN = "Another Subdomain is already called '{name}' ({where})."
SUBDOMAIN_NAMED_LIKE_DOMAIN = "Subdomain '{name}' has the name of its own Domain; give it a name of its own."
UNDECLARED_CONTEXT = "'{name}' is not a BoundedContext of this file; declare it with 'BoundedContext {name}'."
UNDECLARED_MAYBE_IMPORTED = (
    "'{name}' is not declared in this file, and the files it imports cannot be read from an upload; import the "
    "model from its folder with `cli.py import FILE`."
)
UNDECLARED_DOMAIN_PART = "'{name}' is not a Domain or Subdomain of this file."
NOT_ON_MAP = "'{name}' takes part in a relationship of the map, but the map does not contain it; add 'contains {name}'."
REALIZES_WITHOUT_TEAM = "Only a bounded context of type TEAM can realize others; '{name}' is {kind}."
TEAM_ON_LANDSCAPE = (
    "'{name}' is a TEAM, and a SYSTEM_LANDSCAPE map cannot contain teams; make the map ORGANIZATIONAL "
    "or leave the team out of 'contains'."
)
OWNER_NOT_TEAM = "The owner of aggregate '{aggregate}' must be a bounded context of type TEAM; '{name}' is {kind}."
IMPLEMENTS_DOMAIN_AND_SUBDOMAIN = (
    "'{context}' implements Domain '{domain}' already, so it cannot also implement its Subdomain '{subdomain}'."
)
EXPOSED_NOT_UPSTREAM = "'{aggregate}' is not an aggregate of the upstream context '{context}'."
ATTRIBUTE_NOT_SYMMETRIC = "'{keyword}' belongs to upstream/downstream relationships; {pattern} has no upstream side."
NO_TYPE = "not of type TEAM"
OF_TYPE = "of type {type}"

# Reading relationships (the brackets, arrows and keywords of canvases.md §5).
UNKNOWN_ROLE = "'{role}' is not a relationship role; brackets hold U, D, S, C, OHS, PL, ACL, CF, P or SK."
EMPTY_ARROW_BRACKET = "Empty brackets mean nothing beside an arrow; leave them out or name the roles."
SYMMETRIC_TAGS = (
    "'<->' joins two peers: write [P] on both sides for a Partnership or [SK] on both sides for a "
    "Shared Kernel (found {found})."
)
SYMMETRIC_TAG_ON_ARROW = "[{tag}] marks a symmetric relationship, which is written with '<->', not '{connector}'."
MARKER_ON_KEYWORD = "'{connector}' already says which side is which; leave '{marker}' out of the bracket."
ROLES_ON_SYMMETRIC_KEYWORD = "{pattern} is symmetric: it takes no roles (found {roles})."
MARKER_ON_WRONG_SIDE = "'{marker}' marks the {side} side, but '{name}' is {other} here ('->' points downstream)."
CUSTOMER_WITHOUT_SUPPLIER = (
    "Customer/Supplier needs S in the upstream bracket and C in the downstream bracket; this relationship "
    "has only {present}."
)

# Warnings: imported all the same.
CUSTOMER_SUPPLIER_ACL = (
    "Customer/Supplier with an Anticorruption Layer at the customer '{name}': allowed, but the supplier "
    "already plans for its customer, so the translation layer may be unnecessary."
)
ORGANIZATIONAL_WITHOUT_TEAM = "This map is ORGANIZATIONAL but contains no bounded context of type TEAM."
SEVERAL_DOMAINS = "'{name}' implements more than one Domain ({domains}); a context usually serves one."
IMPORT_NOT_FOLLOWED = (
    "This file imports others, which an upload cannot read: only what this file declares is imported. Import the "
    "model from its folder with `cli.py import FILE` to follow its imports."
)
NOT_AN_ARCHIVE = "Not a .zip archive."
NO_CML_IN_ARCHIVE = "The archive holds no .cml file."
TOO_MANY_IN_ARCHIVE = "The archive holds {count} .cml files; at most {limit} are read."
UNSAFE_ARCHIVE_PATH = "The archive holds '{path}', a path outside the archive's own folder; nothing is unpacked."
ARCHIVE_TOO_LARGE = "The archive's .cml files unpack to {mb:.1f} MB; at most {limit} MB are read."
NO_SINGLE_TOP_FILE = (
    "The archive should hold one model: one .cml file that no other imports. It holds {count} ({files})."
)
IMPORT_MISSING = "imports '{file}', which is not there ({path})."
IMPORT_CYCLE = "imports a file that imports it again: {cycle}."
TEAM_RELATIONSHIP_KEPT = (
    "The relationship {written} involves a team; a workspace's map relates bounded contexts, so it is kept in "
    "the workspace's team map and exported again."
)
REPEATED_RELATIONSHIP = (
    "This relationship repeats the one on line {first} (same contexts, pattern and roles); a workspace holds each "
    "relationship once, so it is merged into that one (its exposed aggregates added)."
)
REALIZED_BY_SEVERAL = "'{name}' is realized by {teams}; a canvas records one owner team, so '{owner}' is kept."
MARKER_UNKNOWN_NAME = "The workbench note names '{name}', which is not a context of this file; the note is ignored."

# Text written into the workspace for what a canvas has no field for.
DEFAULT_WORKSPACE_NAME = "Context Mapper import"
AGGREGATE_OWNERS = "Aggregate owners: {owners}."

# Comments written into an exported file.
EXPORT_HEADER = (
    "Exported from the Architecture Canvas Workbench. Canvas content that CML has no field for follows as comments."
)
EXPORT_CANVAS_CONTENT = "Canvas content with no CML field:"
EXPORT_API_PRODUCT = "API Product Canvas:"
EXPORT_SEPARATE_WAYS = "Separate Ways: no integration between {first} and {second} (CML has no construct for it)."
EXPORT_WORKSPACE_CONTENT = "Workspace content with no CML construct:"

# The import preview.
PREVIEW_CONTEXTS = "bounded context canvases"
PREVIEW_RELATIONSHIPS = "relationships"
PREVIEW_TEAMS = "teams"
PREVIEW_EXTERNALS = "external systems"
PREVIEW_API_PRODUCTS = "API product canvases (from aggregates)"
PREVIEW_TEAM_RELATIONSHIPS = "team relationships kept in the team map"
# A block the workbench has no place for, left out of the workspace: said by the preview and the command line.
SKIPPED_BLOCKS = "{count} {kind} block(s) left out ({where}): the workbench has no place for them."
PREVIEW_SKIPPED = "use cases, user stories, stakeholders and value registers skipped"
