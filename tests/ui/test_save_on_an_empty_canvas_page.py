"""Save and the save state work on a canvas page that has no canvas of its kind yet."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.ui.flows import API_PRODUCTS, create_workspace, save, stored_workspace


def test_save_on_a_canvas_page_without_canvases_stores_the_draft(app: AppTest, data_dir: Path) -> None:
    create_workspace(app, "Fresh", team="Team Ω")  # the new team is an unsaved edit
    app.switch_page(API_PRODUCTS).run()
    assert any("No API Product Canvas yet" in i.value for i in app.info)
    assert any("Unsaved changes" in w.value for w in app.sidebar.warning)
    assert "Saved 'Fresh' at" in save(app)
    assert [t["name"] for t in stored_workspace(data_dir, "Fresh")["teams"]] == ["Team Ω"]
    assert any("All changes saved" in s.value for s in app.sidebar.success)
