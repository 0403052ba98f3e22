"""The two sides of a comparison as typed: a workspace file, a .cml file or a stored version.

A stored version is named `WORKSPACE@VERSION`: the workspace by its id or its name, the version by its
number, a tag, or `latest`; a workspace named without `@` means its newest version.
"""

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from models.access import Person
from models.workspace import Workspace
from services import access, configuration, files, service_messages
from storage.repository import (
    VersionInfo,
    VersionNotFound,
    WorkspaceNotFound,
    WorkspaceRepository,
    WorkspaceSummary,
)
from storage.sql import SqlWorkspaceRepository

FILE_SUFFIXES = (".json", ".cml")

NEWEST = ("latest", "newest", "head")

LISTED = 8  # workspaces named in a message about an unknown one


class ComparisonInputError(ValueError):
    """A side of the comparison cannot be read; the message names the file, workspace or version."""


@dataclass(frozen=True)
class LoadedVersion:
    """One side of a comparison: what to call it in the review, and its content."""

    label: str
    workspace: Workspace


@dataclass(frozen=True)
class StoredVersionRef:
    """`WORKSPACE@VERSION` as typed: a workspace id or name, and a number, tag or `latest` (None: newest)."""

    workspace: str
    version: str | None


def parse_source(text: str) -> Path | StoredVersionRef:
    """A file when one exists at `text` (or it looks like a file name), else a stored version."""
    path = Path(text)
    if path.exists():
        return path
    if "@" in text:
        workspace, _, version = text.rpartition("@")  # the last @: a workspace name may hold one
        return StoredVersionRef(workspace.strip(), version.strip() or None)
    if path.suffix.casefold() in FILE_SUFFIXES or os.sep in text:
        return path
    return StoredVersionRef(text.strip(), None)


def _listing(summaries: list[WorkspaceSummary]) -> str:
    if not summaries:
        return service_messages.NO_WORKSPACE_STORED
    shown = ", ".join(
        service_messages.LISTED_WORKSPACE.format(name=s.name, workspace_id=s.workspace_id) for s in summaries[:LISTED]
    )
    more = service_messages.MORE_WORKSPACES.format(count=len(summaries) - LISTED) if len(summaries) > LISTED else ""
    return service_messages.STORED_WORKSPACES.format(shown=shown, more=more)


def find_workspace(repo: WorkspaceRepository, ref: str, person: Person) -> WorkspaceSummary:
    """The workspace with id `ref`, else the one named `ref` (exactly, then ignoring case), among those the
    person may read."""
    summaries = access.visible_workspaces(repo, person)
    by_id = [s for s in summaries if s.workspace_id == ref]
    named = (
        by_id
        or [s for s in summaries if s.name == ref]
        or [s for s in summaries if s.name.casefold() == ref.casefold()]
    )
    if len(named) == 1:
        return named[0]
    if named:
        ids = ", ".join(s.workspace_id for s in named)
        raise ComparisonInputError(
            service_messages.AMBIGUOUS_WORKSPACE.format(
                ref=ref, count=len(named), ids=ids, example=named[0].workspace_id
            )
        )
    raise ComparisonInputError(service_messages.UNKNOWN_WORKSPACE.format(ref=ref, listing=_listing(summaries)))


def find_version(versions: list[VersionInfo], wanted: str | None, workspace: str) -> VersionInfo:
    """The version numbered or tagged `wanted`; the newest for None or `latest`."""
    if not versions:
        raise ComparisonInputError(service_messages.NO_VERSIONS.format(workspace=workspace))
    if wanted is None or wanted.casefold() in NEWEST:
        return versions[0]
    found = [v for v in versions if (wanted.isdigit() and v.number == int(wanted)) or wanted in v.tags]
    if found:
        return found[0]
    numbers = sorted(v.number for v in versions)
    tags = sorted({t for v in versions for t in v.tags})
    known = (
        service_messages.KNOWN_VERSIONS.format(first=numbers[0], last=numbers[-1])
        if len(numbers) > 1
        else service_messages.KNOWN_VERSION.format(number=numbers[0])
    )
    tagged = service_messages.KNOWN_TAGS.format(tags=", ".join(tags)) if tags else ""
    raise ComparisonInputError(
        service_messages.UNKNOWN_VERSION.format(workspace=workspace, wanted=wanted, known=known, tagged=tagged)
    )


def load_stored_version(repo: WorkspaceRepository, ref: StoredVersionRef, person: Person) -> LoadedVersion:
    summary = find_workspace(repo, ref.workspace, person)
    try:
        version = find_version(repo.list_versions(summary.workspace_id), ref.version, summary.name)
        workspace = repo.load(summary.workspace_id, version.number)
    except (WorkspaceNotFound, VersionNotFound) as missing:
        gone = service_messages.NO_LONGER_STORED.format(
            workspace=ref.workspace, version=ref.version or "latest", missing=missing
        )
        raise ComparisonInputError(gone) from None
    tags = f" ({', '.join(version.tags)})" if version.tags else ""
    return LoadedVersion(f"{summary.name}@{version.number}{tags}", workspace)


def default_database() -> SqlWorkspaceRepository:
    """The app's own database; refused rather than created when it does not exist yet."""
    folder = configuration.data_folder()
    url = configuration.database_url(folder)
    database_file = folder / configuration.DATABASE_FILE
    if url == f"sqlite:///{database_file}" and not database_file.exists() and not (folder / "workspaces").is_dir():
        raise ComparisonInputError(
            service_messages.NO_DATABASE.format(path=database_file, variable=configuration.DATA_DIR_VARIABLE)
        )
    return configuration.open_repository(folder, url=url)


def load_version(text: str, repository: Callable[[], WorkspaceRepository], person: Person) -> LoadedVersion:
    """One side as typed; `repository` opens the database, and is only called for a stored version."""
    source = parse_source(text)
    if isinstance(source, Path):
        return LoadedVersion(text, files.read_any_workspace(source))  # WorkspaceFileError names the file
    return load_stored_version(repository(), source, person)
