"""The Readiness page on the example: the four phases, the next phase's open items with links to their boxes,
and answering one in the form moves the figure (a draft, saved like any canvas)."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.ui.flows import save, stored_workspace
from ui import state

READINESS = "ui/pages/readiness.py"
DRIFT = "readiness.evolution.drift_monitoring"


def open_readiness(app: AppTest) -> None:
    app.switch_page(READINESS).run()
    assert not app.exception, app.exception


def markdown_of(app: AppTest) -> str:
    return "\n".join(m.value for m in app.markdown)


def test_the_phases_show_their_figures_and_the_next_phase_its_open_items(app: AppTest) -> None:
    open_readiness(app)
    assert [m.value for m in app.metric] == ["3 of 3", "10 of 10", "10 of 12", "10 of 16"]
    text = markdown_of(app)
    assert "**MVP** · current" in text and "**Product** · next" in text
    assert "**2 open for Product**, blocking ones first:" in text
    assert "**RDY007** (blocks) Every KPI is measured · [Success and KPIs](#success-and-kpis)" in text
    assert "**RDY014** (blocks) The evolution of the models is planned" in text and "(#evolution)" in text
    # Opening the page changes nothing: the form writes back exactly what it was given.
    assert app.session_state[state.DRAFT] == app.session_state[state.SAVED]


def test_answering_an_item_in_the_form_moves_the_figure_and_is_saved_as_a_version(app: AppTest, data_dir: Path) -> None:
    open_readiness(app)
    drift = next(t for t in app.text_area if t.key and t.key.endswith(DRIFT))
    drift.set_value("Weekly population stability index on the valuation features").run()
    assert [m.value for m in app.metric][2] == "11 of 12"
    assert "**RDY014** (blocks)" not in markdown_of(app) and "**1 open for Product**" in markdown_of(app)
    app.segmented_control(key="readiness-phase").set_value("mvp").run()
    assert "Ready for MVP: every concern it requires is answered." in [s.value for s in app.success]
    assert save(app).startswith("Saved")
    stored = stored_workspace(data_dir, "Home Valuation Platform")
    assert stored["readiness"]["evolution"]["drift_monitoring"].startswith("Weekly population stability")


def test_a_saved_risk_is_accepted_from_the_page_under_the_sidebars_name_and_stored_at_once(
    app: AppTest, data_dir: Path
) -> None:
    open_readiness(app)
    assert not [b for b in app.button if b.key == "accept-readiness-risk-button"]  # no name yet, no button
    app.sidebar.text_input(key=state.AUTHOR_INPUT).set_value("Ana Ørsted").run()
    app.selectbox(key="readiness-risk-to-accept").set_value("Conversation transcripts leak").run()
    next(b for b in app.button if b.key == "accept-readiness-risk-button").click().run()
    assert not app.exception, app.exception
    risks = stored_workspace(data_dir, "Home Valuation Platform")["readiness"]["risks"]
    leak = next(r for r in risks if r["risk"] == "Conversation transcripts leak")
    assert leak["accepted_by"] == "Ana Ørsted" and leak["accepted_on"]
    assert app.session_state[state.DRAFT] == app.session_state[state.SAVED]  # a decision, never an unsaved change
    assert "Conversation transcripts leak" not in app.selectbox(key="readiness-risk-to-accept").options


def test_the_ai_contexts_without_service_objectives_are_added_filled_from_their_ai_profiles(app: AppTest) -> None:
    open_readiness(app)
    button = next(b for b in app.button if b.key == "objectives-from-profiles")
    added = "Valuation Feature Store, Home Valuation, Valuation Training Pipeline"
    assert button.label == f"Add rows for {added}, filled from their AI profiles"
    button.click().run()
    rows = {r["context"]: r for r in app.session_state[state.DRAFT]["readiness"]["service_objectives"]}
    assert list(rows) == [
        "Seller Conversation",
        "Valuation Feature Store",
        "Home Valuation",
        "Valuation Training Pipeline",
    ]
    valuation = rows["Home Valuation"]
    assert (valuation["availability_percent"], valuation["recovery_time_minutes"]) == (99.9, 30)
    assert valuation["when_down"]  # the fallback the AI profile declares
    assert not [b for b in app.button if b.key == "objectives-from-profiles"]  # nothing left to add
