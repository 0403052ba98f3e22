"""Every message the pages show (errors, warnings, confirmations, flash texts), so wording is reviewed in one place.

Widget labels and captions stay beside their widgets. User text filled into a message that is shown as
Markdown passes through literal() first, as the callers do.
"""

# A list of problems below a message; `path` is the field's path in the workspace.
PROBLEM_LINE = "- `{path}`: {message}"
WORKSPACE_PATH = "workspace"  # the path named for a problem of the whole workspace
MORE_PROBLEMS = "\n- … and {count} more"
FIELD_PROBLEM = "{where}{message}"  # below a field; `where` names the row and column, if any
LISTED_LINE = "- {line}"

# Saving the draft (sidebar).
ALL_SAVED = "All changes saved"
UNSAVED = "Unsaved changes since {when}"
DISCARDED = "Discarded your draft: this is the newest saved version."
DRAFT_RESTORED = "Restored your unsaved changes from {when} (started from version {base})."
NOT_SAVED_PROBLEMS = "Not saved: {count} problem(s) to fix first.\n{lines}{more}"
NOT_SAVED_DELETED = (
    "Not saved: this workspace was deleted meanwhile. Your changes are still here: on the Workspaces page, "
    "**Export workspace file**, then import it as a new workspace."
)
NOT_SAVED_STORAGE = "Not saved: {reason} Your changes are still here; press Save again when the database is back."
NOT_SAVED_CONFLICT = "Not saved yet: your edits conflict with version {head}."
NOTHING_NEW = "Nothing new to save: version {number} already holds this content."
SAVED = "Saved '{name}' at {when} as version {number}{merged}: {summary}."
MERGED_WITH = ", merged with version {number}"

# The room: who else has the workspace open, and versions others saved.
SOMEONE = "someone"
DRAFT_NOT_KEPT = "Your changes are only in this browser for now: {reason}"
ROOM_UNAVAILABLE = "Others' saves cannot be looked for now: {reason}"
HERE_NOW = "Here now: {people}"
SAVED_BY_OTHER = "Version {number} saved by {who} at {when}: {summary}."
TAKE_IT = "Take it into my draft"
TOOK_VERSION = "Took version {number} into your draft; your unsaved changes are kept."
TAKE_CONFLICTS = (
    "Version {number} and your draft both changed {count} field(s): choose which to keep under Resolve conflicts."
)
LEAVING_DRAFT = (
    "Your unsaved changes to '{name}' since {when} stay as your draft of it: they come back when you open it again."
)

# Someone else saved while this draft was edited.
CONFLICT_PENDING = "Version {head} was saved while you edited; {count} change(s) conflict. Your draft is kept."
CONFLICT_EXPLAINED = (
    "Version {head} was saved while you edited version {parent}. "
    "Changes on one side only are merged; for each change made on both sides, choose which to keep. "
    "Your draft stays as typed until you save the resolution."
)
CONFLICTS_RESOLVED = "Resolved conflicts with {head}"  # the new version's message when none was typed
CONFLICT_AGAIN = "Version {head} arrived meanwhile: please choose again."

# Canvas pages: no workspace or canvas yet, adding and deleting canvases, collaborators and relationships.
OPEN_A_WORKSPACE_FIRST = "Open or create a workspace on the Workspaces page first."
NO_BOUNDED_CONTEXTS = "No bounded contexts yet. Add the first one with **Add bounded context**."
NO_ARCHITECTURE_CANVASES = "No Architecture Communication Canvas yet. Add one with **Add architecture canvas**."
NO_API_PRODUCTS = "No API Product Canvas yet. Each bounded context can publish one."
MOOT_FIELDS = (
    "The AI kind says this context uses no AI, yet these fields are filled: {fields}. Clear them or pick an AI kind."
)
START_TABLE = "Add a row to {label}"  # an empty table, until it is first used
LANE_DETAILS = "Relationship and integration"  # a collaborator's pattern, roles and integration, opened on demand
MOOT_HIDDEN = "Pick an AI kind to describe the model, its fallback, SLA and rollback."
NAME_FIRST = "Type a name first."
CHOOSE_FIRST = "Choose a bounded context first."
CHOOSE_BOTH_SIDES = "Choose the upstream and the downstream first."
CHOOSE_COLLABORATOR_FIRST = "Pick a context or external system first."
NAME_TAKEN = "'{name}' is already used in this workspace; choose another name."
CONFIRM_DELETE_CANVAS = "Delete **{name}** from the workspace? Saved versions keep it until you save."
DELETED_CANVAS = "Deleted '{name}'. Save to keep this change, or reload the workspace to undo it."
RENAMED_REFERENCES = "Renamed '{old}' to '{new}' in {count} references."
COLLABORATOR_EXISTS = "'{name}' already exists; pick it from the list above."
SAME_CONTEXT_TWICE = "A relationship joins two different contexts or systems."
CONFIRM_DELETE_RELATIONSHIP = "Delete **{relationship}**? Saved versions keep it until you save."
NO_RELATIONSHIPS = "No explicit relationships yet: the map comes from the canvases' communication entries."

# Context map page: analysis, findings, accepted risks and the biggest lever.
NOT_ANALYSED = "The map cannot be analysed until these {count} problem(s) are fixed:\n{lines}{more}"
WHERE_TO_FIX = (
    "Problems in `relationships[…]` can be fixed in the Relationships tab below; the others in the "
    "canvas or workspace settings that the path names."
)
SHOWN_WHEN_VALID = "This appears once the workspace is valid."
FIRST_OPEN = "**First open finding:** {icon} {rule} · {subject}:"
NO_FINDINGS = "No findings: the rules found nothing to flag on this map."
NOT_EVALUABLE = "Not evaluable: fill in the missing canvas field named above; there is no risk to accept."
ACCEPTED_BY = "Accepted by {who} until {until}: {reason}"
ACCEPTED = "Accepted {rule} on {subject} until {until}: recorded as version {number}."
WITHDREW_ACCEPTANCE = "Withdrew the acceptance of {rule} on {subject}: recorded as version {number}."
BIGGEST_LEVER = "**Biggest lever:** {lever}"
NO_LEVER = "Biggest lever: no single remedy among the findings lowers the score."
LEVER_NOT_LOOKED_FOR = (
    "Biggest lever: not looked for on maps of more than {limit} contexts, where its "
    "eight re-runs of the analysis would take minutes. Pick the worst findings below instead."
)

# Print & export page.
NOT_PRINTABLE = (
    "Nothing can be printed while the workspace has {count} problem(s). "
    "Fix them on the canvas pages first:\n{lines}{more}"
)
NO_CANVASES_TO_PRINT = "This workspace has no canvases yet. Add one on a canvas page first."
REPORT_READY = "Report ready: {file} ({size:,} KB)"
REPORT_OUTDATED = "The workspace changed since this report was built. Build it again to include the changes."

# History page: versions, tags, restoring and review notes.
NO_WORKSPACE_OPEN = "No workspace is open. Open one on the Workspaces page."
TAGGED = "Tagged version {number} '{tag}'."
RESTORE_NEWEST = "This is the newest version."  # why Restore is off
RESTORE_HELP = "Saved as a new version."
SAVE_BEFORE_RESTORE = "Save or discard your unsaved changes first: restoring replaces the draft."
RESTORED = "Restored version {number} as the new version {new}."
READ_ONLY = "Read-only: version {number} of '{name}'. Nothing here can be changed."
NOTE_NOT_STORED = "{error} Nothing was stored; type the comment and press the button again."
NOTE_STORED = "Stored on version {number}: {kind}."

# Compare page.
ONE_VERSION_ONLY = "This workspace has one saved version so far. Save a change, then compare the two here."
SAME_VERSION_TWICE = "Pick two different versions."
OLDER_ON_THE_RIGHT = "The older version is on the right: changes read from the newer one back to the older one."
NO_DOCUMENT_CHANGED = "No canvas or workspace setting differs between the two versions."
FINDINGS_NOT_COMPARED = "The findings were not compared."

# Workspaces page: opening, creating, importing, duplicating and deleting workspaces.
CANNOT_BE_OPENED = "Cannot be opened: {problem}"
NAME_THE_WORKSPACE = "Give the new workspace a name."
CREATED = "Created workspace '{name}'."
DRAFT_KEPT = "Your unsaved changes to '{name}' stay as your draft of it."
IMPORTED = "Imported '{name}': {summary}."
NOTHING_CAN_BE_IMPORTED = "Nothing can be imported:\n\n{lines}"
CML_PREVIEW = "**{file}** becomes the new workspace **{name}** with:\n\n{counts}"
CML_PREVIEW_EMPTY = "- nothing"
IMPORTED_WITH_WARNINGS = "Imported all the same:\n\n{lines}"
NOTHING_IMPORTED = "Nothing was imported:\n\n{lines}"
FIX_PROBLEMS_FIRST = "Fix the problems shown first."  # why an export button is off
DUPLICATED = "Created '{name}' from the last saved version."
CONFIRM_DELETE_WORKSPACE = "Delete **{name}** and everything in it? This cannot be undone."
DELETED_WORKSPACE = "Deleted workspace '{name}'."
NO_WORKSPACE_OPEN_HERE = "No workspace is open. Open one from the list or create a new one."

# Sign-in and roles (ui/sign_in.py, ui/members_view.py, and where a role hides controls).
SIGN_IN_NEEDED = (
    "This workbench is shared by a team: sign in to see the workspaces you are a member of. "
    "Your name and e-mail come from the sign-in and are recorded with every version, comment and decision."
)
SIGNED_IN_AS = "Signed in as {who}"
YOUR_ROLE = "Your role here: **{role}**"
CANNOT_EDIT = "You can read and export this workspace; changing it needs the editor role (your role: {role})."
MEMBER_ADDED = "{email} is now {role} of this workspace."
MEMBER_REMOVED = "{email} is no longer a member of this workspace."
NO_WORKSPACE_SHARED = "No workspace is shared with you yet. Create one, or ask an owner to add {email}."
ACCEPTING_NEEDS_REVIEWER = "Accepting this risk needs the reviewer role or higher."

# The Readiness page (ui/pages/readiness.py, ui/readiness_view.py).
READY_FOR = "Ready for {phase}: every concern it requires is answered."
OPEN_FOR = "**{count} open for {phase}**, blocking ones first:"
ANSWERED_ON_MAP = "on the Context map"
READINESS_NEEDS_VALID_DRAFT = "Readiness is judged once the draft has no problems:\n\n{lines}"
NAME_BEFORE_ACCEPTING = "Enter your name in the sidebar: an acceptance records who made it."
ACCEPTED_READINESS_RISK = "Accepted the risk '{risk}', recorded as version {number}."
ANSWERED_FOR = "{count} answered for {phase}"
ADD_OBJECTIVES = "Add rows for {names}, filled from their AI profiles"
BOOKKEEPING_NOT_ACCEPTED = "This finding is about the workspace's own records, not a risk: follow what to do above."
FACTS_TO_CONFIRM = "Facts inferred from wording wait for your check ({count})"
FACTS_TO_CONFIRM_INTRO = (
    "This workspace was written before verification metrics had kinds and relationships recorded what their "
    "consumer relies on. The workbench inferred these from the wording; the analysis now reads them, never the "
    "wording. Check each one (the metric's Kind and Watches columns, the relationship's reliance), then confirm."
)
CONFIRM_FACTS = "Confirm them as they stand"
FACTS_CONFIRMED = "Inferred facts confirmed ({count}): save to keep that."
