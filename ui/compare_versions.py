"""Which two saved versions to compare, and their comparison, computed once per pair of contents."""

import datetime as dt

import streamlit as st

from services import comparison
from services.workspaces import VersionInfo, WorkspaceRepository
from ui import state

PREVIOUS, TAGGED, PICKED = "previous", "tagged", state.COMPARE_PICKED
CACHED_COMPARISONS = 8


def describe(version: VersionInfo) -> str:
    tags = f" [{', '.join(version.tags)}]" if version.tags else ""
    message = f" · {version.message}" if version.message else ""
    when = version.created_at.strftime("%Y-%m-%d %H:%M")
    return f"Version {version.number}{tags}{message} · {version.author or '–'} · {when}"


def _last_tagged(versions: list[VersionInfo]) -> VersionInfo | None:
    """The newest tagged version before the newest one (a tag marks a reviewed state, e.g. 'after workshop 2')."""
    return next((v for v in versions[1:] if v.tags), None)


def pick_versions(versions: list[VersionInfo]) -> tuple[VersionInfo, VersionInfo]:
    """The older and the newer version; by default the newest against the previous or the last tagged one."""
    tagged = _last_tagged(versions)
    choices = {PREVIOUS: f"Newest with the previous version (v{versions[1].number})"}
    if tagged is not None:
        choices[TAGGED] = f"Newest with the last tagged version (v{tagged.number}, {', '.join(tagged.tags)})"
    choices[PICKED] = "Two versions I pick"
    how = st.radio("Compare", list(choices), format_func=choices.__getitem__, key=state.COMPARE_HOW, horizontal=True)
    if how == PREVIOUS:
        return versions[1], versions[0]
    if how == TAGGED and tagged is not None:
        return tagged, versions[0]
    older, newer = st.columns(2)
    numbers = {v.number: v for v in versions}
    old = older.selectbox(
        "Before", list(numbers), index=1, format_func=lambda n: describe(numbers[n]), key=state.COMPARE_OLD
    )
    new = newer.selectbox(
        "After", list(numbers), index=0, format_func=lambda n: describe(numbers[n]), key=state.COMPARE_NEW
    )
    return numbers[int(old)], numbers[int(new)]


@st.cache_resource(max_entries=CACHED_COMPARISONS, show_spinner="Comparing the versions and their analyses…")
def _compared(
    workspace_id: str, old: int, new: int, old_hash: str, new_hash: str, today: dt.date, _repo: WorkspaceRepository
) -> comparison.ComparedVersions:
    # Versions never change, so their numbers and content hashes identify the result for every session.
    return comparison.compare_for_review(_repo, workspace_id, old, new, person=state.person(), today=today)


def compare(
    repo: WorkspaceRepository, workspace_id: str, old: VersionInfo, new: VersionInfo
) -> comparison.ComparedVersions:
    return _compared(workspace_id, old.number, new.number, old.content_hash, new.content_hash, dt.date.today(), repo)
