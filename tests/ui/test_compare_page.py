"""Compare versions: the summary, the canvases side by side, the marked map, the findings diff, the review."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.ui.driver import key
from tests.ui.flows import BOUNDED_CONTEXTS, click, save, stored_repository

COMPARE = "ui/pages/compare.py"
HISTORY = "ui/pages/history.py"
EXAMPLE = "Home Valuation Platform"


def example_id(data_dir: Path) -> str:
    return next(s.workspace_id for s in stored_repository(data_dir).list_workspaces() if s.name == EXAMPLE)


def edit_and_save(at: AppTest, index: int, field: str, text: str) -> None:
    at.switch_page(BOUNDED_CONTEXTS).run()
    at.selectbox(key=key(at, "pick", "bounded_context")).set_value(index).run()
    at.text_area(key=key(at, "bounded_context", index, field)).input(text).run()
    assert "Saved" in save(at)


def texts(at: AppTest) -> list[str]:
    return [t.value for t in at.text]


def test_one_version_is_nothing_to_compare(app: AppTest) -> None:
    app.switch_page(COMPARE).run()
    assert not app.exception
    assert any("one saved version so far" in i.value for i in app.info)


def test_the_newest_is_compared_with_the_previous_version(app: AppTest, data_dir: Path) -> None:
    data = app.session_state["draft"]["bounded_contexts"][0]
    old_purpose = data["purpose"]
    edit_and_save(app, 0, "purpose", old_purpose + " Now <b>also</b> for **rentals**.")
    app.switch_page(COMPARE).run()
    assert not app.exception, app.exception
    summary = app.info[0].value
    assert summary.startswith("1 context changed") and "AI coupling score" in summary
    assert any(f"{data['name']} › " not in t and "Purpose (changed)" in t for t in texts(app))
    highlighted = [m.value for m in app.markdown if ":green-background[" in m.value]
    # The inserted words are highlighted, their markup escaped so that it shows as typed.
    assert any("\\<b\\>also\\<\\/b\\>" in m and "\\*\\*rentals\\*\\*" in m for m in highlighted)
    assert app.metric[0].label == "AI coupling score"


def test_the_review_tab_stores_a_note_on_the_newer_version(app: AppTest, data_dir: Path) -> None:
    edit_and_save(app, 1, "purpose", "Changed for the review.")
    app.switch_page(COMPARE).run()
    app.text_input(key="review-author-compare").input("Rita")
    app.text_area(key="review-text-compare").input("Looks right; check the ACL.")
    click(app, "Add comment")
    notes = stored_repository(data_dir).list_reviews(example_id(data_dir))
    assert [(n.number, n.kind.value, n.author, n.text) for n in notes] == [
        (2, "comment", "Rita", "Looks right; check the ACL.")
    ]
    assert "Looks right; check the ACL." in texts(app)


def test_the_last_tagged_version_is_offered_and_used(app: AppTest, data_dir: Path) -> None:
    edit_and_save(app, 0, "purpose", "second")
    stored_repository(data_dir).tag_version(example_id(data_dir), 2, "after workshop 2")
    edit_and_save(app, 1, "purpose", "third")
    app.switch_page(COMPARE).run()
    how = app.radio(key="compare-how")
    tagged = next(o for o in how.options if "after workshop 2" in o)
    how.set_value("tagged").run()
    assert not app.exception
    assert tagged.startswith("Newest with the last tagged version (v2")
    assert app.info[0].value.startswith("1 context changed")  # only the third save's change
    how.set_value("picked").run()
    app.selectbox(key="compare-old").set_value(1).run()
    app.selectbox(key="compare-new").set_value(3).run()
    assert app.info[0].value.startswith("2 contexts changed")


def test_a_dropped_declaration_is_a_changed_relationship_on_the_drawn_map(app: AppTest) -> None:
    draft = app.session_state["draft"]
    # The canvases still describe this relationship, so the map keeps the edge; its declaration is gone.
    draft["relationships"] = draft["relationships"][1:]
    app.run()
    assert "Saved" in save(app)
    app.switch_page(COMPARE).run()
    assert not app.exception
    assert app.info[0].value.startswith("1 relationship changed")
    images = app.get("image")
    assert len(images) == 1 and "Context map with the changes marked" in str(images[0].proto)


def test_the_history_page_opens_the_comparison_of_an_old_version_with_the_newest(app: AppTest) -> None:
    edit_and_save(app, 0, "purpose", "second")
    edit_and_save(app, 1, "purpose", "third")
    app.switch_page(HISTORY).run()
    app.selectbox(key="history-pick").set_value(1).run()
    click(app, "Compare with the newest")
    assert app.radio(key="compare-how").value == "picked"
    assert (app.selectbox(key="compare-old").value, app.selectbox(key="compare-new").value) == (1, 3)
    assert app.info[0].value.startswith("2 contexts changed")
