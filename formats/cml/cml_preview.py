"""What importing a CML file will create, counted for a preview before anything is stored."""

from collections import Counter
from dataclasses import dataclass

from formats.cml import cml_messages as text
from formats.cml.cml_reader import CmlImport, describe_problem, describe_skipped
from models.relationship import PATTERN_LABELS


@dataclass(frozen=True)
class CmlImportPreview:
    workspace_name: str
    counts: list[tuple[str, int]]  # (what, how many), in the order shown
    relationships_by_pattern: list[tuple[str, int]]  # (pattern label, how many), most frequent first
    warnings: list[str]  # each with its line and column


def preview_cml_import(result: CmlImport) -> CmlImportPreview:
    workspace = result.workspace
    patterns = Counter(PATTERN_LABELS[r.pattern] for r in workspace.relationships)
    counts = [
        (text.PREVIEW_CONTEXTS, len(workspace.bounded_contexts)),
        (text.PREVIEW_RELATIONSHIPS, len(workspace.relationships)),
        (text.PREVIEW_TEAMS, len(workspace.teams)),
        (text.PREVIEW_EXTERNALS, len(workspace.external_systems)),
        (text.PREVIEW_API_PRODUCTS, len(workspace.api_products)),
        (text.PREVIEW_TEAM_RELATIONSHIPS, result.team_relationships),
        (text.PREVIEW_SKIPPED, result.skipped),
    ]
    return CmlImportPreview(
        workspace_name=workspace.name,
        counts=counts,
        relationships_by_pattern=sorted(patterns.items(), key=lambda item: (-item[1], item[0])),
        warnings=[*(describe_problem(warning) for warning in result.warnings), *describe_skipped(result)],
    )
