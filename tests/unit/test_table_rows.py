"""A table edits only its columns: what an entry holds beyond them (a team's Context Mapper block, kept from a CML
import) stays with the entry of the same name, through edits, additions and removals of other rows."""

from canvases.tables import rows_for, value_from_rows
from canvases.workspace_settings import WORKSPACE_SETTINGS

TEAMS = next(f for _, f in WORKSPACE_SETTINGS.fields() if f.key == "teams")
KEPT = {"type": "TEAM", "implements": ["CustomerDomain"]}


def test_an_edited_row_keeps_what_its_columns_do_not_show() -> None:
    before = [{"name": "Ops", "description": "", "context_mapper": KEPT}, {"name": "Data", "description": ""}]
    rows = rows_for(TEAMS, before)
    assert "context_mapper" not in rows[0]  # the table shows the columns only
    edited = [{**rows[1], "description": "models"}, {"name": "New", "description": ""}]  # Ops removed, one added
    edited.insert(0, {**rows[0], "description": "runs things"})
    after = value_from_rows(TEAMS, edited, before)
    assert after == [
        {"name": "Ops", "description": "runs things", "context_mapper": KEPT},
        {"name": "Data", "description": "models"},
        {"name": "New", "description": ""},
    ]
    assert value_from_rows(TEAMS, edited[1:], before) == after[1:]  # a removed row takes its block with it
