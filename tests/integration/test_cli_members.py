"""cli.py members: the operator next to the database hands workspaces to people who sign in."""

from pathlib import Path

import pytest

import cli
from services import workspaces
from services.access import local_person
from storage.sql import SqlWorkspaceRepository


def database_with_workspace(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'workbench.db'}"
    repo = SqlWorkspaceRepository(url)
    workspaces.create_workspace(repo, "Home Valuation", person=local_person())
    repo.close()
    return url


def test_members_are_listed_added_and_removed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = database_with_workspace(tmp_path)
    assert cli.main(["members", "Home Valuation", "--database", url]) == 0
    assert capsys.readouterr().out == "local\towner\n"
    command = ["members", "home valuation", "--add", "Ana@Example.org", "--role", "owner", "--database", url]
    assert cli.main(command) == 0
    assert capsys.readouterr().out == "ana@example.org\towner\nlocal\towner\n"
    assert cli.main(["members", "Home Valuation", "--remove", "local", "--database", url]) == 0
    assert capsys.readouterr().out == "ana@example.org\towner\n"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["Nowhere"], "Members not changed: 'Nowhere': no stored workspace has this id or name."),
        (["Home Valuation", "--add", "ana"], "Members not changed: 'ana' is not an e-mail address;"),
        (["Home Valuation", "--remove", "local"], "Members not changed: local is the workspace's only owner;"),
    ],
)
def test_a_wrong_workspace_address_or_last_owner_exits_2_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    url = database_with_workspace(tmp_path)
    assert cli.main(["members", *arguments, "--database", url]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(message) and captured.out == ""
