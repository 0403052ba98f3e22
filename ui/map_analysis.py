"""The analysis of the draft, cached per draft content: first without the biggest lever, then with it."""

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

import streamlit as st

from services import analysing

CACHED_DRAFTS = 8  # a few recent drafts per server: undo-like back and forth stays instant


@dataclass(frozen=True)
class DraftKey:
    """The draft as JSON text and a digest of it (plus the day, since acceptances expire)."""

    digest: str
    text: str


def draft_key(data: dict[str, Any], today: dt.date | None = None) -> DraftKey:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    day = (today or dt.date.today()).isoformat()
    return DraftKey(hashlib.sha256(f"{day}\n{text}".encode()).hexdigest(), text)


@st.cache_data(max_entries=CACHED_DRAFTS, show_spinner="Analysing the map…")
def _analyse(digest: str, _text: str, today: dt.date) -> analysing.DraftAnalysis:
    return analysing.analyse_draft_text(_text, today=today)


@st.cache_data(max_entries=CACHED_DRAFTS, show_spinner=False)
def _score_with_lever(digest: str, _text: str, today: dt.date, _quick: analysing.Score) -> analysing.Score:
    return analysing.score_with_lever_text(_text, today=today, quick=_quick)


def analyse_draft(data: dict[str, Any]) -> analysing.DraftAnalysis:
    """The draft's problems, or its analysis; computed once per draft content."""
    key = draft_key(data)
    return _analyse(key.digest, key.text, dt.date.today())


def score_with_lever(data: dict[str, Any], quick: analysing.Score) -> analysing.Score:
    """The score with its biggest lever filled in (slow on large maps the first time)."""
    key = draft_key(data)
    return _score_with_lever(key.digest, key.text, dt.date.today(), quick)
