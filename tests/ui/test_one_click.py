"""One click does it: Add is never greyed out and says what is missing, AI fields follow the AI kind, and the
context map starts at the first finding there is something to do about."""

from streamlit.testing.v1 import AppTest

from analysis.engine import analyze_workspace
from formats.workspace_json.workspace_file import read_workspace_file
from models.finding import FindingStatus
from services import configuration
from tests.ui.driver import key
from tests.ui.flows import API_PRODUCTS, BOUNDED_CONTEXTS, add_context, create_workspace
from ui import state
from ui.findings_view import _labels

CONTEXT_MAP = "ui/pages/context_map.py"


def errors_in_popovers(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def test_add_with_no_name_says_so_instead_of_being_greyed_out(app: AppTest) -> None:
    create_workspace(app, "Clicks")
    app.switch_page(BOUNDED_CONTEXTS).run()
    add = app.button(key=key(app, "add", "bounded_context"))
    assert not add.disabled
    add.click().run()
    assert "Type a name first." in errors_in_popovers(app)
    assert app.session_state[state.DRAFT]["bounded_contexts"] == []
    add_context(app, "Alpha")  # typed and clicked: one click adds
    assert [c["name"] for c in app.session_state[state.DRAFT]["bounded_contexts"]] == ["Alpha"]
    app.text_input(key=key(app, "new", "bounded_context")).input("Alpha").run()
    app.button(key=key(app, "add", "bounded_context")).click().run()
    assert "'Alpha' is already used in this workspace; choose another name." in errors_in_popovers(app)


def test_an_api_canvas_needs_a_context_and_says_so(app: AppTest) -> None:
    create_workspace(app, "Clicks")
    add_context(app, "Alpha")
    app.switch_page(API_PRODUCTS).run()
    app.button(key=key(app, "add", "api_product")).click().run()
    assert "Choose a bounded context first." in errors_in_popovers(app)
    app.selectbox(key=key(app, "new", "api_product")).set_value("Alpha").run()
    app.button(key=key(app, "add", "api_product")).click().run()
    assert [a["bounded_context"] for a in app.session_state[state.DRAFT]["api_products"]] == ["Alpha"]


def test_ai_fields_show_only_on_a_context_that_uses_ai_and_are_flagged_when_filled_on_one_that_does_not(
    app: AppTest,
) -> None:
    create_workspace(app, "Clicks")
    add_context(app, "Alpha")

    def provider() -> str:
        return key(app, "bounded_context", 0, "ai_profile.provider")

    assert provider() not in [w.key for w in app.text_input]  # "No AI": nothing to describe
    assert any("Pick an AI kind" in c.value for c in app.caption)
    app.selectbox(key=key(app, "bounded_context", 0, "ai_profile.kind")).set_value("llm_external").run()
    app.text_input(key=provider()).input("Acme AI").run()
    app.selectbox(key=key(app, "bounded_context", 0, "ai_profile.kind")).set_value("none").run()
    assert provider() in [w.key for w in app.text_input]  # filled: still shown, so nothing is hidden
    assert any("these fields are filled: Provider." in w.value for w in app.warning)


def test_the_context_map_starts_at_the_first_open_finding_and_shows_it_above_the_map(app: AppTest) -> None:
    findings = analyze_workspace(read_workspace_file(configuration.EXAMPLE_WORKSPACE)).findings
    first_open = next(f for f in findings if f.status is FindingStatus.OPEN)
    assert findings[0].status is not FindingStatus.OPEN  # the example lists an accepted finding first
    app.switch_page(CONTEXT_MAP).run()
    assert app.selectbox(key=state.FINDING_PICKED).value == _labels(findings)[findings.index(first_open)]
    headline = next(m.value for m in app.markdown if m.value.startswith("**First open finding:**"))
    assert f"{first_open.rule} · {first_open.subject}" in headline
