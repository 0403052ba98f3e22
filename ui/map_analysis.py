"""The analysis of the draft, cached per draft content: first without the biggest lever, then with it."""

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, replace
from typing import Any

import streamlit as st

from analysis.engine import Analysis, analyze_workspace
from analysis.score import Score
from models.validation import WorkspaceInvalid, validate_workspace_data
from models.workspace import Problem, Workspace

CACHED_DRAFTS = 8  # a few recent drafts per server: undo-like back and forth stays instant


@dataclass(frozen=True)
class DraftKey:
    """The draft as JSON text and a digest of it (plus the day, since acceptances expire)."""

    digest: str
    text: str


@dataclass
class DraftAnalysis:
    problems: list[Problem]  # what keeps the draft from being analysed; empty when it is valid
    analysis: Analysis | None


def draft_key(data: dict[str, Any], today: dt.date | None = None) -> DraftKey:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    day = (today or dt.date.today()).isoformat()
    return DraftKey(hashlib.sha256(f"{day}\n{text}".encode()).hexdigest(), text)


def _workspace_or_problems(text: str) -> Workspace | list[Problem]:
    try:
        return validate_workspace_data(json.loads(text))
    except WorkspaceInvalid as error:
        return error.problems


@st.cache_data(max_entries=CACHED_DRAFTS, show_spinner="Analysing the map…")
def _analyse(digest: str, _text: str, today: dt.date) -> DraftAnalysis:
    checked = _workspace_or_problems(_text)
    if isinstance(checked, list):
        return DraftAnalysis(checked, None)
    return DraftAnalysis([], analyze_workspace(checked, today=today, lever=False))


@st.cache_data(max_entries=CACHED_DRAFTS, show_spinner=False)
def _score_with_lever(digest: str, _text: str, today: dt.date) -> Score | None:
    checked = _workspace_or_problems(_text)
    return None if isinstance(checked, list) else analyze_workspace(checked, today=today).score


def analyse_draft(data: dict[str, Any]) -> DraftAnalysis:
    """The draft's problems, or its analysis; computed once per draft content."""
    key = draft_key(data)
    return _analyse(key.digest, key.text, dt.date.today())


def score_with_lever(data: dict[str, Any], quick: Score) -> Score:
    """The score with its biggest lever filled in (slow on large maps the first time)."""
    key = draft_key(data)
    full = _score_with_lever(key.digest, key.text, dt.date.today())
    return replace(quick, lever=full.lever) if full is not None else quick
