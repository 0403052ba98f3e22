"""The AI coupling analysis of a workspace or a draft, its gate and its report, for the app and the command line."""

import datetime as dt
import json
from dataclasses import dataclass, replace
from typing import Literal

from analysis import lever
from analysis.engine import Analysis, analyze_workspace
from analysis.metrics import broker_scores
from analysis.readiness import PHASES, ReadinessItem, ReadinessReport
from analysis.readiness_texts import PHASE_TITLES
from analysis.score import BOOKKEEPING, Score, gate_for
from formats.analysis_report.analysis_report import analysis_as_data, analysis_as_text
from formats.readiness_report.readiness_report import readiness_as_data, readiness_as_text
from formats.workspace_json.input_limits import limit_problems
from models.validation import WorkspaceInvalid, validate_workspace_data
from models.workspace import DeliveryPhase, Problem, Workspace
from services.configuration import input_limits

__all__ = [
    "BOOKKEEPING",
    "LEVER_MAX_CONTEXTS",
    "PHASES",
    "PHASE_TITLES",
    "Analysis",
    "DeliveryPhase",
    "DraftAnalysis",
    "ReadinessItem",
    "ReadinessReport",
    "Score",
    "analyse_draft_text",
    "analysis_report",
    "broker_scores",
    "coupling_analysis",
    "gate_passes",
    "score_with_lever_text",
]

LEVER_MAX_CONTEXTS = lever.MAX_CONTEXTS  # above this many contexts the biggest lever is not looked for
FailOn = Literal["error", "warning", "never"]


@dataclass
class DraftAnalysis:
    problems: list[Problem]  # what keeps the draft from being analysed; empty when it is valid
    analysis: Analysis | None


def coupling_analysis(workspace: Workspace, *, today: dt.date | None = None, with_lever: bool = True) -> Analysis:
    """Context map, findings, metrics and score; `today` decides which acceptances have expired."""
    return analyze_workspace(workspace, today=today, lever=with_lever)


def _workspace_or_problems(text: str) -> Workspace | list[Problem]:
    """The draft as a workspace, or what keeps it from one: first a limit it goes past (a workspace built up in
    the app meets the same limits as a file, before any analysis), then the validation's problems."""
    data = json.loads(text)
    too_much = limit_problems(data, input_limits())
    if too_much:
        return too_much
    try:
        return validate_workspace_data(data)
    except WorkspaceInvalid as error:
        return error.problems


def analyse_draft_text(text: str, *, today: dt.date) -> DraftAnalysis:
    """A draft as JSON text: its problems, or its analysis without the (slow) biggest lever."""
    checked = _workspace_or_problems(text)
    if isinstance(checked, list):
        return DraftAnalysis(checked, None)
    return DraftAnalysis([], coupling_analysis(checked, today=today, with_lever=False))


def score_with_lever_text(text: str, *, today: dt.date, quick: Score) -> Score:
    """`quick` with the biggest lever filled in, from the draft as JSON text (unchanged when it is invalid)."""
    checked = _workspace_or_problems(text)
    if isinstance(checked, list):
        return quick
    return replace(quick, lever=coupling_analysis(checked, today=today).score.lever)


def phase_to_judge(analysis: Analysis, phase: str | None) -> DeliveryPhase:
    """The phase asked for, else the workspace's next phase (its own when it is already scaled)."""
    if phase:
        return DeliveryPhase(phase)
    return analysis.readiness.next_phase or analysis.readiness.current


def readiness_report(analysis: Analysis, phase: DeliveryPhase, *, fmt: Literal["text", "json"]) -> str:
    """The phase table and the open items of `phase`, as plain text or as JSON."""
    if fmt == "json":
        return json.dumps(readiness_as_data(analysis.readiness, phase), indent=2, ensure_ascii=False)
    return readiness_as_text(analysis.readiness, phase)


def gate_passes(analysis: Analysis, *, fail_on: FailOn = "error") -> bool:
    return gate_for(analysis.findings, fail_on)[0] == "pass"


def analysis_report(analysis: Analysis, *, fmt: Literal["text", "json"], fail_on: FailOn = "error") -> str:
    """The findings, score, gate and metrics as plain text or as JSON, as a pipeline reads them."""
    if fmt == "json":
        return json.dumps(analysis_as_data(analysis, fail_on), indent=2, ensure_ascii=False)
    return analysis_as_text(analysis, fail_on)
