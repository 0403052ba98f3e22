"""Every user-facing text of storage (databases, versions, backups), so wording is reviewed in one place."""

# How a message names a database: the file for SQLite, the URL without its password otherwise.
DATABASE_FILE = "The database file {path}"
DATABASE_URL = "The database {url}"

# Opening a database; `where` is one of the two names above.
CANNOT_CREATE = "{where} cannot be created: {reason}."
CANNOT_OPEN = (
    "{where} cannot be opened: {reason}. "
    "It may be damaged or not a workbench database: open another database, or restore a backup."
)
DATABASE_TOO_NEW = (
    "{where} was written by a newer Architecture Canvas Workbench (database schema {version}; "
    "this version reads up to schema {current}). Update the workbench, or open another database."
)
DATABASE_FAILED = "{where} failed: {reason}. Nothing was changed by this step; try again when it is back."
TABLES_MISSING = "{where} is not a complete workbench database: table(s) {tables} missing."
VERSION_DAMAGED = "{where}: version {number} of '{name}' is damaged: {reason}."

# Versions, tags and review notes.
VERSION_NOT_FOUND = "{workspace_id} version {number}"
STALE_PARENT = "workspace {workspace_id}: saved from version {parent}, but version {head} is the newest"
EMPTY_TAG = "A tag needs some text."
EMPTY_COMMENT = "A comment needs some text."

# Content blobs; `digest` is the first twelve characters of the hash.
BLOB_MISSING = "blob {digest} is missing"
BLOB_UNREADABLE = "blob {digest} cannot be decompressed: {reason}"
BLOB_HASH_MISMATCH = "blob {digest} does not match its hash"

# Reading a backup file, line by line.
BACKUP_UNREADABLE = "{path}: cannot be read as a workbench backup: {reason}."
BACKUP_WRONG_FORMAT = "{path}: is not a workbench backup this version can read (format {format}, version {versions})."
BACKUP_LINE_DAMAGED = "{path}: line {number} is damaged: {reason}."
BACKUP_LINE_NOT_A_RECORD = "{path}: line {number} is not a backup record: {reason}."
BACKUP_EMPTY = "{path}: is empty, not a workbench backup."

# Restoring a backup into a database: all or nothing.
WORKSPACE_EXISTS = "Workspace '{name}' ({workspace_id}) is already in this database."
BACKUP_DAMAGED = "The backup is damaged: {reason}."
BACKUP_INCOMPLETE = "The backup is incomplete: '{name}' version {number}: {reason}."
BACKUP_LACKS_CONTENT = "The backup is incomplete: '{name}' version {number} lacks content."
