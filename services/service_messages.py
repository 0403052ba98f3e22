"""Every user-facing text of the services (comparison inputs, downloads, version messages), reviewed in one place."""

# A side of a comparison that names a stored version, WORKSPACE@VERSION, which cannot be found.
LISTED_WORKSPACE = "'{name}' (id {workspace_id})"
MORE_WORKSPACES = " and {count} more"
STORED_WORKSPACES = "The stored workspaces are: {shown}{more}."
NO_WORKSPACE_STORED = "No workspace is stored yet."
AMBIGUOUS_WORKSPACE = "'{ref}' names {count} stored workspaces (ids {ids}); use the id, e.g. {example}@1."
UNKNOWN_WORKSPACE = "'{ref}': no stored workspace has this id or name. {listing}"
NO_VERSIONS = "'{workspace}' has no versions."
KNOWN_VERSIONS = "versions {first}–{last}"
KNOWN_VERSION = "version {number}"
KNOWN_TAGS = "; tags: {tags}"
UNKNOWN_VERSION = "'{workspace}' has no version '{wanted}' ({known}{tagged})."
NO_LONGER_STORED = "'{workspace}@{version}' is no longer stored ({missing})."
NO_DATABASE = (
    "{path}: no workspace database is there, so stored versions cannot be read. Set {variable} or pass --database URL."
)

# Files handed out: what a report lacks when this server cannot draw the map.
REPORT_WITHOUT_MAP = "The report has no context map: {reason}"

# Messages the workbench itself writes into a workspace's history.
EXAMPLE_VERSION = "Example"
IMPORTED_VERSION = "Imported from {file}"
INFERRED_VERSION = "Upgraded to workspace schema 2: {facts} inferred from wording, to confirm on the canvases:"
UPGRADED_VERSION = "Upgraded to workspace schema 2: nothing to infer from wording"
RESTORED_VERSION = "Restored version {number}"
ACCEPTED_VERSION = "Accepted the risk of {rule} on {subject} until {until}"
WITHDRAWN_VERSION = "Withdrew the acceptance of {rule} on {subject}"
ACCEPTED_READINESS_RISK = "Accepted the risk '{risk}'"
UNKNOWN_READINESS_RISK = (
    "The newest saved version has no risk '{risk}' to accept: save a new risk before accepting it (or it was "
    "renamed or removed meanwhile)."
)

# A risk acceptance that lacks fields; `fields` are the form's labels.
ACCEPTANCE_INCOMPLETE = "Not accepted: fill in {fields}."

# A limit set in the environment (services/configuration.py input_limits) that is not one.
BAD_LIMIT = "{variable} must be a positive whole number, not {text!r}."

# Roles (services/access.py): an action the person's role does not allow, and members an owner cannot add.
PERMISSION_DENIED = "{who} may not {action} in this workspace: that needs the {needed} role or higher, and {held}."
HOLDS_ROLE = "their role is {role}"
NOT_A_MEMBER = "they are not a member of it"
SOMEONE = "Someone"
BAD_MEMBER_EMAIL = "{email!r} is not an e-mail address; members are added by the address they sign in with."
LAST_OWNER = "{email} is the workspace's only owner; make someone else owner first."

# Where the app listens (services/hosting.py), said by scripts/run.sh on start.
LOCAL_ONLY = (
    "No sign-in provider is configured, so the workbench is a one-person tool on this machine: it listens on "
    "{address} only. To share it with a team, configure sign-in and set {variable} (docs/deploy.md)."
)
SIGN_IN_ON = "Sign-in through {provider}; listening on {address}."
OPEN_WITHOUT_SIGN_IN = (
    "Not started: listening on {address} would let anyone who reaches it read, change and delete every workspace, "
    "and no sign-in provider is configured (an [auth] section in {files}). Configure one (docs/deploy.md) or "
    "listen on 127.0.0.1."
)
SECRETS_UNREADABLE = "Not started: {path} cannot be read as TOML: {error}"
