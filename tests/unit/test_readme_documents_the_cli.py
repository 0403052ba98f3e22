"""Every sub-command of cli.py is shown in the README, so a new command cannot ship undocumented."""

import argparse
import re
from pathlib import Path

import pytest

from cli import build_parser

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"


def sub_commands() -> list[str]:
    """The names the parser accepts as its first argument."""
    actions = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    assert len(actions) == 1, "cli.py should have one set of sub-commands"
    return sorted(actions[0].choices)


def test_the_command_line_has_the_commands_the_readme_was_written_for() -> None:
    # Guards the scan: an empty list would make the test below pass without checking anything.
    assert {"validate", "analyze", "export", "diff"} <= set(sub_commands())


@pytest.mark.parametrize("command", sub_commands())
def test_the_readme_shows_the_command(command: str) -> None:
    # "cli.py export" must not count as documenting "cli.py export-cml", nor the other way round.
    shown = re.search(rf"cli\.py {re.escape(command)}(?![\w-])", README.read_text(encoding="utf-8"))
    assert shown, f"README.md never shows `cli.py {command}`: add an example to its 'Command line' section"
