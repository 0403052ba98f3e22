"""Every user-facing text of reading a workspace file, so wording is reviewed in one place.

The messages follow the file's name, as in `team.json: is not valid JSON: ...`; the model's own
validation texts are in models/messages.py.
"""

# One line per problem: the file, then the field path when there is one.
PROBLEM_AT = "{source}: {path}: {message}"
PROBLEM = "{source}: {message}"
MORE_PROBLEMS = "... and {count} more problems."

# The file as bytes and text.
CANNOT_READ = "cannot be read: {reason}."
TOO_LARGE = "is larger than {limit} MB."
NOT_UTF8 = "is not UTF-8 text (byte {offset})."

# How much the file may hold (formats/workspace_json/input_limits.py).
PAST_LIMIT = "holds {found} {what}; the limit is {limit} (set {variable} to change it)."
LIMIT_NAMES = {
    "contexts": "bounded contexts",
    "external_systems": "external systems",
    "teams": "teams",
    "relationships": "relationships",
    "canvases": "canvases",
    "items": "entries in one list",
    "text_length": "characters in one text",
}
TOO_LARGE_FOUND = "is {size:.1f} MB; a workspace file may be at most {limit} MB."

# The file as JSON.
NOT_JSON = "is not valid JSON: {reason} at line {line}, column {column}."
DUPLICATE_KEY = "gives the key {key!r} twice in one object (the second time at line {line}); give each key once."
NESTED_TOO_DEEPLY = "is nested too deeply to be a workspace."
NOT_USABLE_JSON = "is not usable JSON: {reason}."
NOT_AN_OBJECT = "does not hold a JSON object, so it is not a workspace."
UNPAIRED_SURROGATE = "holds an unpaired surrogate escape (such as \\ud800), which is not text."
UNPAIRED_SURROGATE_AT_TOP = "(top level)"  # the path named when the whole file is that text

# The schema version it was written with.
OTHER_SCHEMA_VERSION = (
    "has schema_version {found!r}; this workbench reads schema_version {version} (and upgrades files of 1)."
)
NO_SCHEMA_VERSION = "has no schema_version; workspace files carry schema_version {version}."
