"""Where the workbench keeps its data, and the one place that opens the repository."""

import os
from pathlib import Path

from formats.workspace_json.input_limits import InputLimits
from services import service_messages
from services.legacy_files import import_workspace_files
from storage.sql import SqlWorkspaceRepository

ROOT = Path(__file__).resolve().parents[1]

EXAMPLE_WORKSPACE = ROOT / "assets" / "examples" / "home-valuation.json"

DATA_DIR_VARIABLE = "WORKBENCH_DATA_DIR"

DATABASE_URL_VARIABLE = "WORKBENCH_DATABASE_URL"

DATABASE_FILE = "workbench.db"

ROOM_POLL_VARIABLE = "WORKBENCH_ROOM_POLL_SECONDS"
# Others' saves must show within 5 s even on a busy server: a look every 2 s leaves room for the look itself.
# Each look is one small read and one small write.
ROOM_POLL_SECONDS = 2.0


def room_poll_seconds() -> float:
    """How often an open page looks for others' saves and says it is still there: WORKBENCH_ROOM_POLL_SECONDS,
    or 2 s. A team server with many people at once may want more; nothing below one second is taken."""
    try:
        return max(1.0, float(os.environ.get(ROOM_POLL_VARIABLE, ROOM_POLL_SECONDS)))
    except ValueError:
        return ROOM_POLL_SECONDS


def input_limits() -> InputLimits:
    """How much a workspace file may hold: each default of InputLimits, or WORKBENCH_MAX_<NAME> when it is set
    to a positive whole number. A setting that is not one is refused by name, so a typo never lifts a limit."""
    chosen = {}
    for name in InputLimits.names():
        variable = f"WORKBENCH_MAX_{name.upper()}"
        text = os.environ.get(variable)
        if text is None:
            continue
        if not text.strip().isdigit() or int(text) < 1:
            raise ValueError(service_messages.BAD_LIMIT.format(variable=variable, text=text))
        chosen[name] = int(text)
    return InputLimits(**chosen)


def data_folder() -> Path:
    """WORKBENCH_DATA_DIR, or ./data next to the app."""
    return Path(os.environ.get(DATA_DIR_VARIABLE, ROOT / "data"))


def database_url(folder: Path) -> str:
    """WORKBENCH_DATABASE_URL (e.g. postgresql+psycopg://...), or the SQLite file in the data folder."""
    return os.environ.get(DATABASE_URL_VARIABLE) or f"sqlite:///{folder / DATABASE_FILE}"


def open_repository(folder: Path, *, url: str | None = None) -> SqlWorkspaceRepository:
    """The database at `url` (default: database_url(folder)); raises StorageUnavailable with a clear message."""
    chosen = url or database_url(folder)
    repo = SqlWorkspaceRepository(chosen)
    if chosen == f"sqlite:///{folder / DATABASE_FILE}":  # only the folder's own database takes over its old files
        import_workspace_files(repo, folder / "workspaces")
    return repo
