"""The Context map page: score and gate, filtered findings, accepted risks, and the relationship editor."""

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analysis import lever
from analysis.engine import Analysis, analyze_workspace
from formats.graphviz.map_layout import SIMPLE_NODE_LIMIT
from formats.workspace_json.workspace_file import dump_workspace_json, read_workspace_file
from models import messages
from models.bounded_context import AiKind, AiProfile, BoundedContextCanvas
from models.finding import Finding, FindingStatus, Severity
from models.relationship import Relationship
from models.workspace import Workspace
from services import configuration, workspaces
from services.access import local_person
from tests.ui.conftest import new_session
from tests.ui.driver import element_after, key, problems_below
from tests.ui.flows import click, save, stored_repository, stored_workspace
from ui import state
from ui.findings_view import FindingFilter, _labels, filter_findings
from ui.map_score import LEVER_WITHOUT_ASKING

CONTEXT_MAP = "ui/pages/context_map.py"
EXAMPLE = "Home Valuation Platform"


@pytest.fixture
def example() -> Analysis:
    return analyze_workspace(read_workspace_file(configuration.EXAMPLE_WORKSPACE))


def open_map(at: AppTest) -> AppTest:
    at.switch_page(CONTEXT_MAP).run()
    assert not at.exception, at.exception
    return at


def open_tab(at: AppTest, name: str) -> AppTest:
    at.session_state[state.MAP_TAB] = name
    at.run()
    assert not at.exception, at.exception
    return at


def errors_below(at: AppTest, widget: str) -> list[str]:
    """The errors right below a widget; none when its problem slot is still an empty placeholder."""
    below = element_after(at, widget)
    if below is None or below.type == "empty":
        return []
    return problems_below(at, widget)


def findings_table(at: AppTest) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if "Remediation" in d.value.columns)


def test_the_page_shows_the_examples_score_band_and_gate(app: AppTest, example: Analysis) -> None:
    open_map(app)
    assert [m.value for m in app.metric] == [f"{example.score.value} / 100"]
    badges = [m.value for m in app.markdown if "-badge[" in m.value]
    assert any(f"Gate: {example.score.gate.upper()}" in b for b in badges), badges
    assert any(example.score.band in b for b in badges), badges
    chart = app.get("graphviz_chart")[0].proto.spec
    assert "Valuation Feature Store" in chart and 'fontname="DejaVu Sans"' in chart
    open_tab(app, "Score")
    explanation = next(c.value for c in app.code if c.value.startswith("AI coupling score"))
    assert explanation.splitlines()[0] == example.score.explanation().splitlines()[0]
    assert "A findings" in explanation and "B structural pain" in explanation
    parts = next(d.value for d in app.dataframe if "Share" in d.value.columns)
    expected = [round(100 * p.value / p.maximum) for p in example.score.parts]
    assert list(parts["Share"]) == expected  # whole percents of each part's maximum


def test_an_invalid_draft_names_the_problems_that_block_the_analysis(app: AppTest) -> None:
    open_map(app)
    app.session_state[state.DRAFT]["bounded_contexts"][0]["name"] = "  "
    app.run()
    blocking = [e.value for e in app.error if "cannot be analysed" in e.value]
    assert blocking and "bounded_contexts[0].name" in blocking[0]
    assert not app.get("graphviz_chart")


def test_findings_can_be_filtered_by_status_severity_rule_and_context(app: AppTest, example: Analysis) -> None:
    open_map(app)
    assert list(findings_table(app)["Subject"]) == [f.subject for f in example.findings]
    accepted = [f.subject for f in example.findings if f.status is FindingStatus.ACCEPTED]
    assert 0 < len(accepted) < len(example.findings), "the example needs accepted and other findings"
    app.multiselect(key=state.FINDINGS_STATUS).set_value(["accepted"]).run()
    assert list(findings_table(app)["Subject"]) == accepted
    app.multiselect(key=state.FINDINGS_STATUS).set_value([]).run()
    rule = example.findings[-1].rule
    app.multiselect(key=state.FINDINGS_RULE).set_value([rule]).run()
    assert set(findings_table(app)["Rule"]) == {rule}
    app.multiselect(key=state.FINDINGS_RULE).set_value([]).run()
    app.multiselect(key=state.FINDINGS_SEVERITY).set_value(["error"]).run()
    errors = [f.subject for f in example.findings if f.severity.value == "error"]
    assert list(findings_table(app)["Subject"]) == errors
    app.multiselect(key=state.FINDINGS_SEVERITY).set_value([]).run()
    context = example.findings[0].contexts[0]
    app.selectbox(key=state.FINDINGS_CONTEXT).set_value(context).run()
    expected = [f.subject for f in example.findings if context in f.contexts]
    assert list(findings_table(app)["Subject"]) == expected


def test_accepting_a_risk_marks_the_finding_accepted_and_stores_it_at_once(
    app: AppTest, data_dir: Path, example: Analysis
) -> None:
    open_map(app)
    finding = next(f for f in example.findings if f.status is FindingStatus.OPEN)
    label = _labels(example.findings)[example.findings.index(finding)]
    app.selectbox(key=state.FINDING_PICKED).set_value(label).run()
    app.text_area(key=state.ACCEPT_REASON).input("Replaced next quarter; monitored weekly.")
    app.text_input(key=state.ACCEPT_BY).input("Ana Ørsted")
    app.date_input(key=state.ACCEPT_UNTIL).set_value(dt.date(2030, 12, 31))
    click(app, "Accept risk")
    table = findings_table(app)
    row = table[(table["Rule"] == finding.rule) & (table["Subject"] == finding.subject)]
    assert list(row["Status"]) == ["accepted"]
    assert any("Accepted by Ana Ørsted until 2030-12-31" in s.value for s in app.success), [
        s.value for s in app.success
    ]
    assert any("recorded as version 2" in s.value for s in app.sidebar.success)
    assert any("All changes saved" in s.value for s in app.sidebar.success)  # nothing left to save
    head = stored_repository(data_dir).list_versions(app.session_state[state.WORKSPACE_ID])[0]
    assert (head.number, head.author) == (2, "Ana Ørsted")
    assert app.sidebar.text_input(key=state.AUTHOR_INPUT).value == "Ana Ørsted"  # the name for the next save
    assert head.message == f"Accepted the risk of {finding.rule} on {finding.subject} until 2030-12-31"
    risks = stored_workspace(data_dir, EXAMPLE)["accepted_risks"]
    assert {
        "rule": finding.rule,
        "subject": finding.subject,
        "reason": "Replaced next quarter; monitored weekly.",
        "accepted_by": "Ana Ørsted",
        "until": "2030-12-31",
    } in risks


def test_an_acceptance_survives_a_reload_with_unsaved_edits_kept_apart_and_is_withdrawn_at_once(
    app: AppTest, data_dir: Path, example: Analysis
) -> None:
    app.switch_page("ui/pages/workspaces.py").run()
    app.text_area(key=key(app, "workspace", 0, "description")).input("Typed, not saved").run()
    open_map(app)
    finding = next(f for f in example.findings if f.status is FindingStatus.OPEN)
    app.selectbox(key=state.FINDING_PICKED).set_value(_labels(example.findings)[example.findings.index(finding)])
    app.run()
    app.text_area(key=state.ACCEPT_REASON).input("Monitored weekly.")
    app.text_input(key=state.ACCEPT_BY).input("Ana")
    click(app, "Accept risk")
    stored = stored_workspace(data_dir, EXAMPLE)
    assert stored["description"] != "Typed, not saved"  # only the decision was stored
    assert app.session_state[state.DRAFT]["description"] == "Typed, not saved"
    assert any("Unsaved changes" in w.value for w in app.sidebar.warning)

    reloaded = open_map(new_session())
    reloaded.selectbox(key=state.FINDING_PICKED).set_value(_labels(example.findings)[example.findings.index(finding)])
    reloaded.run()
    assert any("Accepted by Ana until" in s.value for s in reloaded.success)
    click(reloaded, "Withdraw the acceptance")
    assert any("Withdrew the acceptance" in s.value and "version 3" in s.value for s in reloaded.sidebar.info)
    assert (finding.rule, finding.subject) not in {
        (r["rule"], r["subject"]) for r in stored_workspace(data_dir, EXAMPLE)["accepted_risks"]
    }
    assert f"Saved '{EXAMPLE}'" in save(app)  # the first session's draft merges onto both decisions
    saved = stored_workspace(data_dir, EXAMPLE)
    assert saved["description"] == "Typed, not saved"
    assert (finding.rule, finding.subject) not in {(r["rule"], r["subject"]) for r in saved["accepted_risks"]}


def test_an_acceptance_without_a_reason_names_the_reason_and_stores_nothing(
    app: AppTest, data_dir: Path, example: Analysis
) -> None:
    open_map(app)
    finding = next(f for f in example.findings if f.status is FindingStatus.OPEN)
    app.selectbox(key=state.FINDING_PICKED).set_value(_labels(example.findings)[example.findings.index(finding)])
    app.run()
    app.text_input(key=state.ACCEPT_BY).input("Ana")
    click(app, "Accept risk")
    assert [e.value for e in app.error] == ["Not accepted: fill in Reason."]
    assert len(stored_repository(data_dir).list_versions(app.session_state[state.WORKSPACE_ID])) == 1
    assert len(app.session_state[state.DRAFT]["accepted_risks"]) == len(
        read_workspace_file(configuration.EXAMPLE_WORKSPACE).accepted_risks
    )


def test_the_relationship_editor_puts_ohs_on_the_downstream_side_below_that_field_and_keeps_the_rest(
    app: AppTest, data_dir: Path
) -> None:
    open_tab(open_map(app), "Relationships")
    before = stored_workspace(data_dir, EXAMPLE)
    relationship = before["relationships"][0]
    roles_key = key(app, "relationship", 0, "downstream_roles")
    app.text_input(key=key(app, "relationship", 0, "fallback")).input("Serve last week's facts.").run()
    app.multiselect(key=roles_key).set_value([*relationship["downstream_roles"], "OHS"]).run()
    expected = messages.UPSTREAM_ROLE_DOWNSTREAM.format(roles="OHS", name=relationship["downstream"])
    assert errors_below(app, roles_key) == [expected]
    assert errors_below(app, key(app, "relationship", 0, "upstream_roles")) == []
    assert any("cannot be analysed" in e.value for e in app.error)
    assert "Not saved" in save(app)
    assert stored_workspace(data_dir, EXAMPLE) == before
    draft = app.session_state[state.DRAFT]["relationships"]
    assert draft[0]["fallback"] == "Serve last week's facts." and draft[0]["name"] == relationship["name"]
    assert draft[1:] == before["relationships"][1:]

    app.multiselect(key=roles_key).set_value(relationship["downstream_roles"]).run()
    assert errors_below(app, roles_key) == []
    assert f"Saved '{EXAMPLE}'" in save(app)
    stored = stored_workspace(data_dir, EXAMPLE)["relationships"][0]
    assert stored["fallback"] == "Serve last week's facts."
    assert stored["downstream_roles"] == relationship["downstream_roles"]


def test_a_relationship_added_in_the_editor_appears_on_the_map(app: AppTest) -> None:
    open_tab(open_map(app), "Relationships")
    count = len(app.session_state[state.DRAFT]["relationships"])
    app.selectbox(key=key(app, "new", "relationship", "up")).set_value("Land Registry")
    app.selectbox(key=key(app, "new", "relationship", "down")).set_value("Seller Intake").run()
    app.button(key=key(app, "add", "relationship")).click().run()
    assert not app.exception, app.exception
    added = app.session_state[state.DRAFT]["relationships"]
    assert len(added) == count + 1 and (added[-1]["upstream"], added[-1]["downstream"]) == (
        "Land Registry",
        "Seller Intake",
    )
    assert app.selectbox(key=key(app, "pick", "relationship")).value == count
    chart = app.get("graphviz_chart")[0].proto.spec
    ids = {
        name: line.split()[0]
        for line in chart.splitlines()
        for name in ("Land Registry", "Seller Intake")
        if f'tooltip="{name}' in line and line.strip().startswith("n")
    }
    assert f"{ids['Land Registry']} -> {ids['Seller Intake']} " in chart


def test_the_analysis_without_the_lever_is_the_full_one_minus_the_lever(example: Analysis) -> None:
    workspace = read_workspace_file(configuration.EXAMPLE_WORKSPACE)
    quick = analyze_workspace(workspace, today=dt.date.today(), lever=False)
    full = analyze_workspace(workspace, today=dt.date.today())
    assert quick.findings == full.findings and quick.map_metrics == full.map_metrics
    assert quick.score == dataclasses.replace(full.score, lever="")


def test_findings_filter_by_hand_made_findings() -> None:
    def made(rule: str, severity: Severity, status: FindingStatus, contexts: list[str]) -> Finding:
        return Finding(
            rule=rule,
            severity=severity,
            status=status,
            subject=" -> ".join(contexts),
            message="m",
            rationale="r",
            remediation="x",
            contexts=contexts,
        )

    findings = [
        made("AIC001", Severity.ERROR, FindingStatus.OPEN, ["A", "B"]),
        made("AIC002", Severity.WARNING, FindingStatus.ACCEPTED, ["B"]),
        made("AIC003", Severity.INFO, FindingStatus.NOT_EVALUABLE, ["C"]),
    ]
    assert filter_findings(findings, FindingFilter()) == findings
    assert filter_findings(findings, FindingFilter(severities=frozenset({"error", "info"}))) == [
        findings[0],
        findings[2],
    ]
    assert filter_findings(findings, FindingFilter(context="B")) == findings[:2]
    assert filter_findings(findings, FindingFilter(rules=frozenset({"AIC002"}), context="B")) == [findings[1]]
    assert filter_findings(findings, FindingFilter(statuses=frozenset({"open"}), context="C")) == []


def test_the_fix_link_opens_the_canvas_of_the_context_named_in_fix_at(app: AppTest, example: Analysis) -> None:
    open_map(app)
    contexts = [c.name for c in read_workspace_file(configuration.EXAMPLE_WORKSPACE).bounded_contexts]
    finding = next(f for f in example.findings if f.fix_at.partition(" › ")[0] in contexts)
    target = finding.fix_at.partition(" › ")[0]
    assert target != contexts[0], "pick a finding whose canvas is not the one opened by default"
    app.selectbox(key=state.FINDING_PICKED).set_value(_labels(example.findings)[example.findings.index(finding)])
    app.run()
    click(app, f"Fix it in {finding.fix_at}")
    assert app.selectbox(key=key(app, "pick", "bounded_context")).value == contexts.index(target)
    assert app.title[0].value == "Bounded Context Canvas"


def large_workspace(contexts: int) -> Workspace:
    names = [f"Context {i:03d}" for i in range(contexts)]
    return Workspace(
        name="Large map",
        bounded_contexts=[
            BoundedContextCanvas(name=n, ai_profile=AiProfile(kind=AiKind.OWN_MODEL if i % 10 == 0 else AiKind.NONE))
            for i, n in enumerate(names)
        ],
        relationships=[
            Relationship(upstream=names[i], downstream=names[(i * 7 + 1) % contexts]) for i in range(contexts)
        ],
    )


@pytest.mark.skipif(shutil.which("dot") is None, reason="server-side layout needs Graphviz `dot`")
def test_a_large_map_is_laid_out_on_the_server_and_its_lever_is_found_on_request(data_dir: Path) -> None:
    assert LEVER_WITHOUT_ASKING < 90 < SIMPLE_NODE_LIMIT
    repo = configuration.open_repository(data_dir)
    workspaces.import_workspace(
        repo, dump_workspace_json(large_workspace(90)).encode(), "l.json", person=local_person()
    )
    app = open_map(new_session())
    # Map and legend are drawn on the server: the browser's Graphviz bundle would slow the first view.
    assert app.get("graphviz_chart") == []
    image, legend = (i.proto.imgs[0] for i in app.get("image"))
    assert image.url.startswith("data:image/svg+xml;base64,") and "90 contexts" in image.caption
    assert legend.caption == "Legend of the context map notation" and legend.url.startswith("data:image/svg+xml")
    assert not any("Biggest lever" in i.value for i in app.info)
    app.toggle(key=state.MAP_LEVER).set_value(True).run()
    assert not app.exception, app.exception
    assert any("Biggest lever" in m.value for m in [*app.info, *app.caption])
    app.toggle(key=state.MAP_INTERACTIVE).set_value(True).run()
    assert any('layout="sfdp"' in c.proto.spec for c in app.get("graphviz_chart"))


def test_above_the_lever_limit_the_page_says_why_no_lever_is_offered(data_dir: Path) -> None:
    repo = configuration.open_repository(data_dir)
    workspaces.import_workspace(
        repo, dump_workspace_json(large_workspace(lever.MAX_CONTEXTS + 2)).encode(), "l.json", person=local_person()
    )
    app = open_map(new_session())
    assert not [t for t in app.toggle if t.key == state.MAP_LEVER]
    assert any(f"more than {lever.MAX_CONTEXTS} contexts" in c.value for c in app.caption)


def test_a_stale_acceptance_is_shown_as_its_own_finding_that_cannot_itself_be_accepted(app: AppTest) -> None:
    data = app.session_state[state.DRAFT]
    data["accepted_risks"].append(
        {
            "rule": "AIC001",
            "subject": "Nowhere -> Nothing",
            "reason": "old",
            "accepted_by": "Ana",
            "until": "2030-01-01",
        }
    )
    open_map(app)
    open_tab(app, "Findings")
    table = findings_table(app)
    assert list(table[table["Rule"] == "ACC001"]["Subject"]) == ["Nowhere -> Nothing"]
    labels = app.selectbox(key=state.FINDING_PICKED).options
    app.selectbox(key=state.FINDING_PICKED).set_value(next(o for o in labels if "ACC001" in o)).run()
    assert "This finding is about the workspace's own records, not a risk: follow what to do above." in [
        c.value for c in app.caption
    ]
    assert not [b for b in app.button if b.label == "Accept risk"]
