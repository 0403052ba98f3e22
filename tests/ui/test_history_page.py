"""History: save with author and message, concurrent sessions merge or resolve conflicts, restore, read-only."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.ui.conftest import new_session
from tests.ui.driver import key
from tests.ui.flows import BOUNDED_CONTEXTS, click, save, stored_repository, stored_workspace
from ui.literal_markdown import literal

HISTORY = "ui/pages/history.py"
EXAMPLE = "Home Valuation Platform"


def edit_purpose(at: AppTest, index: int, text: str) -> None:
    at.switch_page(BOUNDED_CONTEXTS).run()
    at.selectbox(key=key(at, "pick", "bounded_context")).set_value(index).run()
    at.text_area(key=key(at, "bounded_context", index, "purpose")).input(text).run()


def save_as(at: AppTest, author: str, message: str) -> str:
    at.text_input(key="author-input").input(author).run()
    message_key = next(w.key for w in at.sidebar.text_input if w.key and w.key.startswith("save-message"))
    at.text_input(key=message_key).input(message).run()
    return save(at)


def purposes(data_dir: Path) -> list[str]:
    return [c["purpose"] for c in stored_workspace(data_dir, EXAMPLE)["bounded_contexts"]]


def history(data_dir: Path) -> list[tuple[int, str, str]]:
    repo = stored_repository(data_dir)
    workspace_id = next(s.workspace_id for s in repo.list_workspaces() if s.name == EXAMPLE)
    return [(v.number, v.author, v.message) for v in repo.list_versions(workspace_id)]


def test_a_save_records_author_and_message_and_the_history_lists_it(app: AppTest, data_dir: Path) -> None:
    edit_purpose(app, 0, "decided in workshop 2")
    assert "as version 2" in save_as(app, "Ada", "after workshop 2")
    assert history(data_dir)[0] == (2, "Ada", "after workshop 2")
    app.switch_page(HISTORY).run()
    assert not app.exception
    table = app.dataframe[0].value
    assert list(table["Message"])[:2] == ["after workshop 2", "Example"]
    assert app.text_input(key="author-input").value == "Ada"  # remembered for the next save


def test_two_sessions_editing_different_canvases_both_arrive(app: AppTest, data_dir: Path) -> None:
    other = new_session()
    edit_purpose(app, 0, "Ada's")
    edit_purpose(other, 1, "Bob's")
    assert "Saved" in save_as(app, "Ada", "first")
    assert "merged with version 2" in save_as(other, "Bob", "second")
    assert purposes(data_dir)[:2] == ["Ada's", "Bob's"]
    assert [n for n, _, _ in history(data_dir)] == [3, 2, 1]


def test_a_conflict_keeps_the_draft_and_is_resolved_by_a_choice(app: AppTest, data_dir: Path) -> None:
    other = new_session()
    edit_purpose(app, 0, "Ada's")
    edit_purpose(other, 0, "Bob's")
    save_as(app, "Ada", "first")
    save_as(other, "Bob", "second")
    assert any("conflict" in w.value for w in other.sidebar.warning)
    assert [n for n, _, _ in history(data_dir)] == [2, 1]  # nothing of Bob's stored yet
    assert other.session_state["draft"]["bounded_contexts"][0]["purpose"] == "Bob's"  # nothing typed is lost
    other.switch_page(HISTORY).run()
    name = other.session_state["draft"]["bounded_contexts"][0]["name"]
    [heading] = [m.value for m in other.markdown if ".purpose" in m.value]
    assert "`" not in heading  # shown as escaped text, so a name cannot break out of a code span
    assert heading.replace("\\", "") == f"**bounded_contexts[{name}].purpose**"
    [choice] = [r for r in other.radio if r.key and r.key.startswith("conflict|")]
    choice.set_value("mine").run()
    click(other, "Save the resolution as a new version")
    assert purposes(data_dir)[0] == "Bob's"
    assert history(data_dir)[0][:2] == (3, "Bob")


def test_restoring_an_old_version_adds_a_new_version(app: AppTest, data_dir: Path) -> None:
    edit_purpose(app, 0, "changed")
    save_as(app, "Ada", "a change")
    app.switch_page(HISTORY).run()
    app.selectbox(key="history-pick").set_value(1).run()
    click(app, "Open read-only")
    assert any("Read-only: version 1" in i.value for i in app.info)
    click(app, "Restore this version")
    assert history(data_dir)[0] == (3, "Ada", "Restored version 1")
    assert purposes(data_dir)[0] != "changed"


def test_the_read_only_view_reads_like_the_canvases(app: AppTest, data_dir: Path) -> None:
    old_purpose = purposes(data_dir)[0]
    edit_purpose(app, 0, "A <b>new</b> **purpose** [x](y)")  # markup, to be shown as typed
    save_as(app, "Ada", "a change")
    app.switch_page(HISTORY).run()
    app.selectbox(key="history-pick").set_value(1).run()
    click(app, "Open read-only")
    shown = [m.value.replace("\\", "") for m in app.markdown]
    # Section titles and field labels from the canvas definition, version 1's text as typed, no raw JSON.
    assert "**Strategic Classification**" in shown and "*Domain:* Supporting" in shown
    assert old_purpose in shown
    assert not app.json
    assert {e.label for e in app.expander} >= {"Teams, external systems, relationships and accepted risks"}
    assert any("Relationships" in m for m in shown)
    # The newest version's markup is shown literally, escaped for Markdown.
    app.selectbox(key="history-pick").set_value(2).run()
    click(app, "Open read-only")
    assert literal("A <b>new</b> **purpose** [x](y)") in [m.value for m in app.markdown]


def review_notes(data_dir: Path) -> list[tuple[int, str, str, str, str, str]]:
    repo = stored_repository(data_dir)
    workspace_id = next(s.workspace_id for s in repo.list_workspaces() if s.name == EXAMPLE)
    return [(n.number, n.kind.value, n.author, n.text, n.canvas, n.section) for n in repo.list_reviews(workspace_id)]


def review(at: AppTest, *, who: str, text: str, button: str, where: str | None = None) -> None:
    at.text_input(key="review-author-history").input(who)
    if where is not None:
        box = at.selectbox(key="review-where-history")
        box.select_index(next(i for i, o in enumerate(box.options) if where in o))
    at.text_area(key="review-text-history").input(text)
    click(at, button)


def test_a_reviewer_comments_on_a_section_and_approves_and_the_history_shows_it(app: AppTest, data_dir: Path) -> None:
    app.switch_page(HISTORY).run()
    comment = "Is **this** <b>core</b>? [link](http://x)"
    review(app, who="Rita", text=comment, button="Add comment", where="Home Valuation › Strategic Classification")
    review(app, who="Rita", text="", button="Approve")
    assert review_notes(data_dir) == [
        (1, "approved", "Rita", "", "", ""),
        (1, "comment", "Rita", comment, "Home Valuation", "Strategic Classification"),
    ]
    assert not app.exception
    assert list(app.dataframe[0].value["Review"]) == ["approved by Rita; 1 comment"]
    shown = [t.value for t in app.text]
    assert comment in shown  # the comment as typed, in a plain-text element: no Markdown, no HTML
    assert any("Version 1 · comment · Rita" in t and "Home Valuation › Strategic Classification" in t for t in shown)


def test_an_empty_comment_is_refused_and_nothing_is_stored(app: AppTest, data_dir: Path) -> None:
    app.switch_page(HISTORY).run()
    review(app, who="Rita", text="   ", button="Add comment")
    assert any("A comment needs some text" in e.value for e in app.error)
    assert review_notes(data_dir) == []
