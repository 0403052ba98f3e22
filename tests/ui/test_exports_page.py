"""The Print & export page: a canvas PDF per canvas and paper size, the report built with progress shown."""

from streamlit.testing.v1 import AppTest

from tests.ui.driver import key
from tests.ui.flows import BOUNDED_CONTEXTS

EXPORTS = "ui/pages/exports.py"


def downloads(at: AppTest) -> list[str]:
    return [button.proto.label for button in at.get("download_button")]


def test_the_page_offers_a_pdf_of_the_chosen_canvas(app: AppTest) -> None:
    app.switch_page(EXPORTS).run()
    assert not app.exception
    assert [t.value for t in app.title] == ["Print & export"]
    assert downloads(app) == ["Download Bounded Context Canvas PDF"]
    app.selectbox(key="export-kind").set_value("api_product").run()
    assert app.selectbox(key="export-canvas-api_product").options == ["Home Valuation", "Offer Management"]
    assert downloads(app) == ["Download API Product Canvas PDF"]
    app.radio(key="export-page-size").set_value("A4").run()
    assert not app.exception and downloads(app) == ["Download API Product Canvas PDF"]


def test_the_report_is_built_with_its_progress_shown_then_offered_for_download(app: AppTest) -> None:
    app.switch_page(EXPORTS).run()
    app.button(key="report-build-button").click().run()
    assert not app.exception
    (status,) = app.get("status")
    assert status.proto.label.startswith("Report ready: Home-Valuation-Platform-report-A3.pdf")
    assert status.get("progress")[0].proto.value == 100
    assert downloads(app)[-1] == "Download the workspace report"


def test_a_report_older_than_the_draft_is_marked_as_such(app: AppTest) -> None:
    app.switch_page(EXPORTS).run()
    app.button(key="report-build-button").click().run()
    app.switch_page(BOUNDED_CONTEXTS).run()
    app.text_area(key=key(app, "bounded_context", 0, "purpose")).input("Changed after printing").run()
    app.switch_page(EXPORTS).run()
    assert any("changed since this report was built" in i.value for i in app.info)


def test_an_invalid_draft_blocks_printing_and_names_its_problems(app: AppTest) -> None:
    app.switch_page(BOUNDED_CONTEXTS).run()
    app.text_input(key=key(app, "bounded_context", 0, "name")).input("  ").run()  # a context needs a name
    app.switch_page(EXPORTS).run()
    assert not app.exception
    (error,) = app.error
    assert "Nothing can be printed" in error.value and "bounded_contexts[0].name" in error.value
    assert downloads(app) == []
    assert all(button.key != "report-build-button" for button in app.button)
