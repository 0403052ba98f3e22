"""Roles per workspace, enforced in the services: each role times each action, on every backend."""

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from models.access import ALLOWED, LOCAL_MEMBER, least_role_for
from services import access, downloads, reviews, saving, workspaces
from services.access import Action, PermissionDenied, Person, Role, local_person
from storage.repository import ReviewKind, WorkspaceRepository
from storage.sql import SqlWorkspaceRepository
from storage.sql_schema import schema_version
from tests.integration.workspaces import edited, small_workspace

OWNER = Person(name="Olga Owner", email="Olga@Example.org", subject="sub-olga", signed_in=True)
STRANGER = Person(name="Sam Stranger", email="sam@example.org", subject="sub-sam", signed_in=True)


def signed_in(role: Role) -> Person:
    return Person(name=f"{role.value} person", email=f"{role.value}@example.org", subject=role.value, signed_in=True)


def shared_workspace(repo: WorkspaceRepository) -> str:
    """A workspace Olga created (v1) and saved once more (v2), with one member of each role."""
    workspace_id = workspaces.store_new_workspace(repo, small_workspace(), OWNER)
    changed = edited(small_workspace(), "Orders", purpose="take and track orders").model_dump(mode="json")
    saving.save_workspace(repo, workspace_id, changed, person=OWNER, parent=1)
    for role in (Role.EDITOR, Role.REVIEWER, Role.VIEWER):
        access.add_member(repo, workspace_id, OWNER, email=signed_in(role).email, role=role)
    return workspace_id


def attempt(action: Action) -> Callable[[WorkspaceRepository, str, Person], object]:
    """The service call a person makes for `action`."""
    data = edited(small_workspace(), "Pricing", purpose="set prices daily").model_dump(mode="json")
    calls: dict[Action, Callable[[WorkspaceRepository, str, Person], object]] = {
        Action.READ: lambda r, w, p: workspaces.load_workspace(r, w, person=p),
        Action.EXPORT: lambda r, w, p: downloads.export_workspace(workspaces.load_workspace(r, w, person=p)),
        Action.COMMENT: lambda r, w, p: reviews.add_note(r, w, 2, ReviewKind.COMMENT, person=p, text="Why?"),
        Action.APPROVE: lambda r, w, p: reviews.add_note(r, w, 2, ReviewKind.APPROVED, person=p),
        Action.ACCEPT_RISK: lambda r, w, p: reviews.accept_risk(
            r, w, rule="AIC015", subject="Orders", reason="Watched weekly", person=p, until=dt.date(2031, 1, 31)
        ),
        Action.SAVE: lambda r, w, p: saving.save_workspace(r, w, data, person=p, parent=2),
        Action.MANAGE_MEMBERS: lambda r, w, p: access.add_member(r, w, p, email="new@example.org", role=Role.VIEWER),
        Action.DELETE: lambda r, w, p: workspaces.delete_workspace(r, w, person=p),
        Action.RESTORE: lambda r, w, p: saving.restore_version(r, w, 1, person=p),
    }
    return calls[action]


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("role", [*Role, None])
def test_each_role_may_do_exactly_its_actions(repo: WorkspaceRepository, role: Role | None, action: Action) -> None:
    workspace_id = shared_workspace(repo)
    person = STRANGER if role is None else OWNER if role is Role.OWNER else signed_in(role)
    if role is not None and action in ALLOWED[role]:
        attempt(action)(repo, workspace_id, person)
        return
    versions_before = repo.list_versions(workspace_id)
    with pytest.raises(PermissionDenied) as denied:
        attempt(action)(repo, workspace_id, person)
    checked = Action.READ if action is Action.EXPORT else action  # an export is of a workspace the person read
    needed = least_role_for(checked)
    held = f"their role is {role}" if role else "they are not a member of it"
    assert str(denied.value) == (
        f"{person.email} may not {checked} in this workspace: that needs the {needed} role or higher, and {held}."
    )
    assert repo.list_versions(workspace_id) == versions_before  # nothing stored on the way
    assert repo.list_reviews(workspace_id) == []


def test_the_matrix_is_what_the_roles_promise() -> None:
    assert {r: sorted(ALLOWED[r]) for r in Role} == {
        Role.VIEWER: sorted([Action.READ, Action.EXPORT]),
        Role.REVIEWER: sorted([Action.READ, Action.EXPORT, Action.COMMENT, Action.APPROVE, Action.ACCEPT_RISK]),
        Role.EDITOR: sorted(
            [Action.READ, Action.EXPORT, Action.COMMENT, Action.APPROVE, Action.ACCEPT_RISK, Action.SAVE]
        ),
        Role.OWNER: sorted(Action),
    }


def test_the_author_is_the_signed_in_identity(repo: WorkspaceRepository) -> None:
    workspace_id = shared_workspace(repo)
    editor = signed_in(Role.EDITOR)
    _, version = reviews.accept_risk(
        repo, workspace_id, rule="AIC015", subject="Orders", reason="Known", person=editor, until=dt.date(2031, 1, 1)
    )
    assert version.author == "editor person <editor@example.org>"
    assert repo.load(workspace_id).accepted_risks[0].accepted_by == "editor person <editor@example.org>"
    note = reviews.add_note(repo, workspace_id, 2, ReviewKind.COMMENT, person=editor, text="Looks right")
    assert note.author == "editor person <editor@example.org>"
    assert repo.list_versions(workspace_id)[-1].author == "Olga Owner <Olga@Example.org>"


def test_people_see_only_the_workspaces_they_are_members_of(repo: WorkspaceRepository) -> None:
    shared = shared_workspace(repo)
    own = workspaces.create_workspace(repo, "Sam's own", person=STRANGER)
    assert [s.workspace_id for s in workspaces.list_workspaces(repo, person=STRANGER)] == [own]
    assert [s.workspace_id for s in workspaces.list_workspaces(repo, person=signed_in(Role.VIEWER))] == [shared]
    # The local tool (no sign-in) is one person who owns everything on its own machine.
    assert {s.workspace_id for s in workspaces.list_workspaces(repo, person=local_person("Me"))} == {shared, own}
    assert access.role_in(repo, own, local_person()) is Role.OWNER


def test_an_owner_adds_changes_and_removes_members_but_never_the_last_owner(repo: WorkspaceRepository) -> None:
    workspace_id = shared_workspace(repo)
    access.add_member(repo, workspace_id, OWNER, email="  New@Example.org ", role=Role.REVIEWER)
    access.add_member(repo, workspace_id, OWNER, email="new@example.org", role=Role.EDITOR)  # changes the role
    listed = {(m.person, m.role) for m in access.list_members(repo, workspace_id, signed_in(Role.VIEWER))}
    assert ("new@example.org", "editor") in listed and ("olga@example.org", "owner") in listed
    access.remove_member(repo, workspace_id, OWNER, email="new@example.org")
    assert "new@example.org" not in {m.person for m in repo.list_members(workspace_id)}
    with pytest.raises(ValueError, match=re.escape("olga@example.org is the workspace's only owner")):
        access.add_member(repo, workspace_id, OWNER, email="olga@example.org", role=Role.EDITOR)
    with pytest.raises(ValueError, match="only owner"):
        access.remove_member(repo, workspace_id, OWNER, email="olga@example.org")
    with pytest.raises(ValueError, match="'not an address' is not an e-mail address"):
        access.add_member(repo, workspace_id, OWNER, email="not an address", role=Role.VIEWER)


def test_deleting_a_workspace_removes_its_members(repo: WorkspaceRepository) -> None:
    workspace_id = shared_workspace(repo)
    workspaces.delete_workspace(repo, workspace_id, person=OWNER)
    assert repo.memberships("editor@example.org") == {}


def test_workspaces_from_before_roles_get_the_local_user_as_owner(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'workbench.db'}"
    first = SqlWorkspaceRepository(url)
    first.save("w1", small_workspace(), author="Ana")
    first.close()
    engine = sa.create_engine(url)
    with engine.begin() as connection:  # back to schema 3, as a workbench before roles left it
        connection.execute(sa.text("DROP TABLE members"))
        connection.execute(schema_version.update().values(version=3))
    engine.dispose()
    upgraded = SqlWorkspaceRepository(url)
    try:
        assert [(m.workspace_id, m.person, m.role) for m in upgraded.list_members("w1")] == [
            ("w1", LOCAL_MEMBER, "owner")
        ]
        assert upgraded.load("w1") == small_workspace()
    finally:
        upgraded.close()


def test_a_readiness_risk_is_accepted_at_once_by_the_signed_in_identity(repo: WorkspaceRepository) -> None:
    workspace_id = shared_workspace(repo)
    data = repo.load(workspace_id).model_dump(mode="json")
    data["readiness"]["risks"] = [{"risk": "Model overprices", "impact": "high"}]
    saving.save_workspace(repo, workspace_id, data, person=OWNER, parent=2)
    on = dt.date(2026, 12, 7)
    with pytest.raises(PermissionDenied):
        reviews.accept_readiness_risk(
            repo, workspace_id, risk="Model overprices", person=signed_in(Role.VIEWER), today=on
        )
    with pytest.raises(ValueError, match="has no risk 'Unsaved risk' to accept: save a new risk"):
        reviews.accept_readiness_risk(
            repo, workspace_id, risk="Unsaved risk", person=signed_in(Role.REVIEWER), today=on
        )
    assert repo.list_versions(workspace_id)[0].number == 3  # neither stored anything
    accepted, version = reviews.accept_readiness_risk(
        repo, workspace_id, risk="Model overprices", person=signed_in(Role.REVIEWER), today=on
    )
    assert accepted == {"accepted_by": "reviewer person <reviewer@example.org>", "accepted_on": "2026-12-07"}
    assert (version.number, version.author) == (4, "reviewer person <reviewer@example.org>")
    stored = repo.load(workspace_id).readiness.risks[0]
    assert (stored.accepted_by, stored.accepted_on) == ("reviewer person <reviewer@example.org>", "2026-12-07")
