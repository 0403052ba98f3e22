"""Comparing two versions: read each side, diff the canvases and the map, analyse both, word the review."""

import datetime as dt
import json
from dataclasses import dataclass
from typing import Literal

from analysis.config import DEFAULT_CONFIG
from analysis.context_map import ContextMap, build_context_map
from diff.diff_model import Change, ChangeKind, Comparison, DocumentDiff, FindingsDiff, WordOp
from diff.diff_workspaces import compare_workspaces
from formats.pdf.pdf_geometry import PageSize
from formats.review.review_json import comparison_as_data
from formats.review.review_markdown import render_review_markdown
from formats.review.review_pdf import render_review_pdf
from formats.review.review_text import render_review_text, summary_line
from models.access import Person, local_person
from services import configuration, downloads
from services.version_refs import (
    ComparisonInputError,
    LoadedVersion,
    StoredVersionRef,
    default_database,
    load_stored_version,
    load_version,
    parse_source,
)
from storage.repository import StorageUnavailable, WorkspaceRepository
from storage.sql import SqlWorkspaceRepository

__all__ = [  # the comparison's data types and its one-line summary come from here too, for the app
    "Change",
    "ChangeKind",
    "ComparedVersions",
    "Comparison",
    "ComparisonInputError",
    "DocumentDiff",
    "FindingsDiff",
    "LoadedVersion",
    "StoredVersionRef",
    "WordOp",
    "compare_for_review",
    "compare_sources",
    "compare_stored_versions",
    "compare_versions",
    "export_review",
    "parse_source",
    "render_review",
    "summary_line",
]

ReviewFormat = Literal["text", "json", "md", "pdf"]


@dataclass(frozen=True)
class ComparedVersions:
    """A comparison of two stored versions and the newer one's context map, drawn with the changes marked."""

    comparison: Comparison
    new_map: ContextMap


def compare_sources(
    old: str, new: str, *, database: str | None = None, with_findings: bool = True, today: dt.date | None = None
) -> Comparison:
    """OLD and NEW as typed on the command line; raises WorkspaceFileError or ComparisonInputError."""
    opened: list[SqlWorkspaceRepository] = []

    def repository() -> WorkspaceRepository:
        if not opened:  # once, and only when a side is stored there
            opened.append(
                configuration.open_repository(configuration.data_folder(), url=database)
                if database
                else default_database()
            )
        return opened[0]

    try:
        operator = local_person()  # the command line runs next to the database: its user owns the workbench
        before, after = load_version(old, repository, operator), load_version(new, repository, operator)
    except StorageUnavailable as error:
        raise ComparisonInputError(str(error)) from None
    finally:
        for repo in opened:
            repo.close()
    return compare_versions(before, after, with_findings=with_findings, today=today)


def compare_versions(
    old: LoadedVersion, new: LoadedVersion, *, with_findings: bool = True, today: dt.date | None = None
) -> Comparison:
    return compare_workspaces(
        old.workspace, new.workspace, old_label=old.label, new_label=new.label, with_findings=with_findings, today=today
    )


def compare_stored_versions(
    repo: WorkspaceRepository,
    workspace_id: str,
    old: int,
    new: int,
    *,
    person: Person,
    with_findings: bool = True,
    today: dt.date | None = None,
) -> Comparison:
    """Two saved versions of one workspace, e.g. picked on the History page."""
    before = load_stored_version(repo, StoredVersionRef(workspace_id, str(old)), person)
    after = load_stored_version(repo, StoredVersionRef(workspace_id, str(new)), person)
    return compare_versions(before, after, with_findings=with_findings, today=today)


def render_review(comparison: Comparison, fmt: Literal["text", "json", "md"]) -> str:
    if fmt == "json":
        return json.dumps(comparison_as_data(comparison), indent=2, ensure_ascii=False) + "\n"
    return render_review_markdown(comparison) if fmt == "md" else render_review_text(comparison)


def export_review(
    comparison: Comparison, fmt: ReviewFormat, *, page_size: PageSize = "A4", printed_on: dt.date | None = None
) -> tuple[str, bytes]:
    """A file name and the review in `fmt`: text, JSON, Markdown or the PDF review report."""
    stem = f"{downloads.file_stem(comparison.diff.new_name, fallback='workspace')}-review"
    if fmt == "pdf":
        return f"{stem}.pdf", render_review_pdf(comparison, page_size=page_size, printed_on=printed_on)
    suffix = {"text": "txt", "json": "json", "md": "md"}[fmt]
    return f"{stem}.{suffix}", render_review(comparison, fmt).encode("utf-8")


def compare_for_review(
    repo: WorkspaceRepository,
    workspace_id: str,
    old: int,
    new: int,
    *,
    person: Person,
    today: dt.date | None = None,
) -> ComparedVersions:
    """Two stored versions compared with their findings, and the newer version's map for the drawing."""
    result = compare_stored_versions(repo, workspace_id, old, new, person=person, today=today)
    return ComparedVersions(result, build_context_map(repo.load(workspace_id, new), DEFAULT_CONFIG))
