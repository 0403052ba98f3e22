"""docs/rules.md is the catalogue generated from the registry, and every rule the registry runs is in it."""

import difflib
import re
from pathlib import Path

from analysis.finding_texts import RULES
from analysis.rules.registry import RULE_FUNCTIONS
from formats.rule_catalogue.rule_catalogue import REGENERATE, render_rule_catalogue
from formats.rule_catalogue.rule_facts import rule_facts

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "docs" / "rules.md"


def registered_rule_ids() -> set[str]:
    """The ids the registry runs, read from the rule functions' names, plus the catch-all AIC019 run after them."""
    ids = {f.__name__.split("_")[0].upper() for f in RULE_FUNCTIONS}
    assert all(re.fullmatch(r"AIC\d{3}", i) for i in ids), ids
    return ids | {"AIC019"}


def test_docs_rules_md_is_the_generated_catalogue() -> None:
    generated = render_rule_catalogue()
    committed = CATALOGUE.read_text(encoding="utf-8") if CATALOGUE.exists() else ""
    diff = "".join(difflib.unified_diff(committed.splitlines(True), generated.splitlines(True), "docs", "now", n=1))
    assert committed == generated, f"docs/rules.md is out of date; regenerate it with\n  {REGENERATE}\n{diff}"


def catalogued_rule_ids() -> set[str]:
    """The rules docs/rules.md has an entry for (a heading each)."""
    return set(re.findall(r"^## (\S+)$", CATALOGUE.read_text(encoding="utf-8"), re.M))


def test_every_rule_the_registry_runs_has_an_entry_in_docs_rules_md() -> None:
    assert len(registered_rule_ids()) >= 20, "the registry scan found too few rules: the scan itself is broken"
    missing = sorted(registered_rule_ids() - catalogued_rule_ids())
    assert missing == [], f"docs/rules.md leaves out rules the registry runs: {missing}; regenerate: {REGENERATE}"


def test_the_consistency_checks_with_texts_are_in_docs_rules_md() -> None:
    missing = sorted({r for r in RULES if r.startswith("CON")} - catalogued_rule_ids())
    assert missing == [], f"docs/rules.md leaves out consistency checks: {missing}; regenerate: {REGENERATE}"


def test_every_entry_carries_its_texts_and_at_least_one_severity() -> None:
    catalogue = render_rule_catalogue()
    for rule, text in RULES.items():
        assert text.title in catalogue and text.rationale in catalogue and text.remediation in catalogue
        assert rule_facts(rule).severities, f"{rule}: no severity found in the code that reports it"


def test_the_facts_read_from_the_code_match_what_the_rules_do() -> None:
    # Spot checks against the rule code, so a change in how facts are read shows up here first.
    assert rule_facts("AIC001").severities == ("error",)
    assert rule_facts("AIC008").severities == ("error", "warning", "info")
    assert rule_facts("AIC003").needs == ("Sync or async (and the messages)",)
    assert rule_facts("AIC004").needs == ("Strategic Classification › Domain",)
    assert rule_facts("AIC018").points_to == ("Verification Metrics",)
    assert (rule_facts("CON001").severities, rule_facts("CON002").severities) == (("info",), ("warning",))
