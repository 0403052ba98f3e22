"""A team server: sign-in through a real OpenID Connect provider (in-process), and what each role may do, in a
real browser against the app started as the README starts it, with the provider in its secrets."""

import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from models.bounded_context import BoundedContextCanvas
from models.workspace import Workspace
from services import access, hosting, workspaces
from services.access import Person, Role
from tests.e2e.app_server import RunningApp, free_port, running_app
from tests.e2e.conftest import new_context
from tests.e2e.context_map_page import accept_risk, open_context_map
from tests.e2e.stored_workspaces import repository
from tests.e2e.workbench_browser import (
    SLOW,
    main,
    open_page,
    rerun_after,
    save,
    settle,
    sidebar,
    text_field,
    type_into,
    visible_text,
)

pytestmark = pytest.mark.e2e

PEOPLE = {  # subject at the provider -> (name, e-mail, role in the team's workspace)
    "olga": ("Olga Owner", "olga@example.org", Role.OWNER),
    "ed": ("Ed Editor", "ed@example.org", Role.EDITOR),
    "rita": ("Rita Reviewer", "rita@example.org", Role.REVIEWER),
    "vic": ("Vic Viewer", "vic@example.org", Role.VIEWER),
}
TEAM_WORKSPACE = "Team Board"


@dataclass(frozen=True)
class TeamServer:
    app: RunningApp
    workspace_id: str


def signed_in_person(subject: str) -> Person:
    name, email, _ = PEOPLE[subject]
    return Person(name=name, email=email, subject=subject, signed_in=True)


def seed_team_workspace(data_dir: Path) -> str:
    """Olga's workspace with one member of each other role; Alpha (an external LLM) feeds Beta, so AIC015 fires."""
    contexts = [
        BoundedContextCanvas(name="Alpha", ai_profile={"kind": "llm_external"}),
        BoundedContextCanvas(name="Beta"),
    ]
    workspace = Workspace(
        name=TEAM_WORKSPACE, bounded_contexts=contexts, relationships=[{"upstream": "Alpha", "downstream": "Beta"}]
    )
    repo = repository(data_dir)
    try:
        workspace_id = workspaces.store_new_workspace(repo, workspace, signed_in_person("olga"))
        for _, email, role in PEOPLE.values():
            if role is not Role.OWNER:
                access.add_member(repo, workspace_id, signed_in_person("olga"), email=email, role=role)
        return workspace_id
    finally:
        repo.close()


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TeamServer]:
    from oidc_provider_mock import User, run_server_in_thread

    data_dir = tmp_path_factory.mktemp("team-server")
    workspace_id = seed_team_workspace(data_dir)
    users = [User(sub=sub, claims={"name": name, "email": email}) for sub, (name, email, _) in PEOPLE.items()]
    with run_server_in_thread(user_claims=users) as provider:
        port = free_port()
        secrets_file = data_dir / "secrets.toml"
        secrets_file.write_text(
            "[auth]\n"
            f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
            f'cookie_secret = "{secrets.token_hex(32)}"\n'
            'client_id = "workbench"\n'
            'client_secret = "not-a-secret-in-tests"\n'
            f'server_metadata_url = "http://localhost:{provider.server_port}/.well-known/openid-configuration"\n',
            encoding="utf-8",
        )
        with running_app(data_dir, {hosting.SECRETS_VARIABLE: str(secrets_file)}, port=port) as app:
            yield TeamServer(app, workspace_id)


@pytest.fixture
def browser_of(browser: Any) -> Iterator[Any]:
    """A browser of its own per person (its own cookies), closed after the test."""
    contexts: list[Any] = []

    def open_one() -> Any:
        contexts.append(new_context(browser))
        return contexts[-1]

    yield open_one
    for context in contexts:
        context.close()


def sign_in(context: Any, team: TeamServer, subject: str) -> Page:
    """Signs in through the provider's page, as a person does, and waits for the workspace to open."""
    page: Page = context.new_page()
    page.set_default_timeout(SLOW)
    page.goto(team.app.url)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name=subject, exact=True).click()  # the provider's page: pick the account
    expect(page.get_by_role("heading", name="Workspaces", exact=True)).to_be_visible(timeout=SLOW)
    settle(page)
    name, email, _ = PEOPLE[subject]
    expect(sidebar(page).get_by_text(f"Signed in as {name} <{email}>")).to_be_visible()
    expect(sidebar(page).get_by_role("heading", name=TEAM_WORKSPACE)).to_be_visible()
    return page


def test_nothing_of_a_workspace_is_shown_before_sign_in(team: TeamServer, browser_of: Any) -> None:
    page = browser_of().new_page()
    page.goto(f"{team.app.url}?workspace={team.workspace_id}")  # even a link naming the workspace
    expect(page.get_by_role("button", name="Sign in")).to_be_visible(timeout=SLOW)
    settle(page)
    expect(page.get_by_text(re.compile("sign in to see the workspaces you are a member of"))).to_be_visible()
    text = page.locator("body").inner_text()
    assert TEAM_WORKSPACE not in text and "Alpha" not in text
    expect(page.get_by_role("link", name="Context map")).to_have_count(0)  # no pages to go to


def test_an_editor_saves_as_the_signed_in_identity_and_cannot_delete(team: TeamServer, browser_of: Any) -> None:
    page = sign_in(browser_of(), team, "ed")
    expect(sidebar(page).get_by_role("textbox", name="Your name")).to_have_count(0)  # nobody types who they are
    expect(main(page).get_by_role("button", name="Delete")).to_have_count(0)
    open_page(page, "Bounded Context Canvas", text_field(page, "Name"))
    type_into(text_field(page, "Purpose"), "Answers questions about the catalogue")
    assert save(page, message="purpose of Alpha").startswith("Saved")
    head = repository(team.app.data_dir).list_versions(team.workspace_id)[0]
    assert (head.author, head.message) == ("Ed Editor <ed@example.org>", "purpose of Alpha")


def test_a_reviewer_comments_and_accepts_risks_under_their_identity_but_cannot_save(
    team: TeamServer, browser_of: Any
) -> None:
    page = sign_in(browser_of(), team, "rita")
    expect(sidebar(page).get_by_role("button", name="Save", exact=True)).to_have_count(0)
    expect(
        sidebar(page).get_by_text(re.compile("changing it needs the editor role \\(your role: reviewer\\)"))
    ).to_be_visible()
    open_page(page, "Bounded Context Canvas")
    expect(main(page).get_by_text(re.compile("You can read and export this workspace"))).to_be_visible()
    expect(main(page).get_by_role("textbox", name="Purpose", exact=True)).to_have_count(0)
    open_context_map(page)
    accept_risk(page, "🔴 AIC015 · Alpha", "An owner is named next sprint")
    expect(sidebar(page).get_by_text(re.compile(r"Accepted AIC015 on Alpha until"))).to_be_visible()
    stored = repository(team.app.data_dir).load(team.workspace_id)
    assert [(r.rule, r.accepted_by) for r in stored.accepted_risks] == [("AIC015", "Rita Reviewer <rita@example.org>")]
    open_page(page, "History")
    form = main(page).get_by_test_id("stForm")
    expect(form.get_by_role("textbox", name="Reviewer")).to_have_count(0)
    form.get_by_role("textbox", name="Comment").fill("Who owns Alpha?")
    rerun_after(page, form.get_by_role("button", name="Add comment").click)
    notes = repository(team.app.data_dir).list_reviews(team.workspace_id)
    assert [(n.author, n.text) for n in notes] == [("Rita Reviewer <rita@example.org>", "Who owns Alpha?")]


def test_a_viewer_reads_and_exports_only(team: TeamServer, browser_of: Any) -> None:
    page = sign_in(browser_of(), team, "vic")
    expect(sidebar(page).get_by_role("button", name="Save", exact=True)).to_have_count(0)
    expect(main(page).get_by_role("button", name="Export workspace file")).to_be_visible()
    expect(main(page).get_by_role("button", name="Delete")).to_have_count(0)
    open_context_map(page)
    expect(main(page).get_by_text("Accepting this risk needs the reviewer role or higher.").first).to_be_visible()
    expect(main(page).get_by_role("button", name="Accept risk")).to_have_count(0)
    open_page(page, "History")
    expect(main(page).get_by_role("button", name="Add comment")).to_have_count(0)
    expect(main(page).get_by_role("button", name="Restore this version")).to_have_count(0)


def test_the_owner_adds_a_member_and_deletes_the_workspace(team: TeamServer, browser_of: Any) -> None:
    page = sign_in(browser_of(), team, "olga")
    members = main(page).get_by_test_id("stExpander").filter(has_text="Members and roles")
    members.get_by_text("Members and roles").click()
    members.get_by_role("textbox", name="E-mail").fill("New.Person@Example.org")
    rerun_after(page, members.get_by_role("button", name="Add or change").click)
    added = sidebar(page).get_by_test_id("stAlert").filter(has_text="is now editor of this workspace")
    expect(added).to_be_visible()
    assert visible_text(added) == "new.person@example.org is now editor of this workspace."
    listed = {(m.person, m.role) for m in repository(team.app.data_dir).list_members(team.workspace_id)}
    assert ("new.person@example.org", "editor") in listed
    main(page).get_by_role("button", name="Delete").click()
    popover = page.get_by_test_id("stPopoverBody")
    rerun_after(page, popover.get_by_text("Yes, delete this workspace").click)
    rerun_after(page, popover.get_by_role("button", name="Delete workspace").click)
    expect(sidebar(page).get_by_text(f"Deleted workspace '{TEAM_WORKSPACE}'.")).to_be_visible()
    assert repository(team.app.data_dir).list_workspaces() == []
