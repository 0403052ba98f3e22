"""docs/readiness.md is generated from the readiness rules, and every rule has its texts and an entry."""

import difflib
import re
from pathlib import Path

from analysis.readiness import RULE_TABLE
from analysis.readiness_texts import RULES
from formats.rule_catalogue.readiness_catalogue import REGENERATE, render_readiness_catalogue

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "docs" / "readiness.md"


def test_docs_readiness_md_is_the_generated_catalogue() -> None:
    generated = render_readiness_catalogue()
    committed = CATALOGUE.read_text(encoding="utf-8") if CATALOGUE.exists() else ""
    diff = "".join(difflib.unified_diff(committed.splitlines(True), generated.splitlines(True), "docs", "now", n=1))
    assert committed == generated, f"docs/readiness.md is out of date; regenerate it with\n  {REGENERATE}\n{diff}"


def test_every_rule_has_texts_and_an_entry_and_no_text_is_stale() -> None:
    ids = [r.rule for r in RULE_TABLE]
    assert len(ids) == len(set(ids)) >= 18
    assert set(ids) == set(RULES)
    entries = set(re.findall(r"^## (RDY\d{3})$", CATALOGUE.read_text(encoding="utf-8"), re.M))
    assert entries == set(ids)
