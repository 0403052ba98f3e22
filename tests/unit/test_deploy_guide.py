"""docs/deploy.md lists every setting the workbench reads from the environment, with its real default."""

import re
from pathlib import Path

import pytest

from formats.workspace_json.input_limits import InputLimits
from services import configuration, hosting

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")


def setting_rows() -> dict[str, str]:
    """Each `WORKBENCH_…` row of the guide's settings table: its default column."""
    return dict(re.findall(r"^\| `(WORKBENCH_[A-Z_]+)` \| ([^|]+) \|", GUIDE, re.M))


def test_the_table_is_found() -> None:
    assert len(setting_rows()) >= 10  # guards the tests below against a table they cannot read


@pytest.mark.parametrize(
    "variable",
    [
        configuration.DATA_DIR_VARIABLE,
        configuration.DATABASE_URL_VARIABLE,
        configuration.ROOM_POLL_VARIABLE,
        hosting.ADDRESS_VARIABLE,
        hosting.SECRETS_VARIABLE,
    ],
)
def test_every_setting_is_in_the_table(variable: str) -> None:
    assert variable in setting_rows()


@pytest.mark.parametrize("name", InputLimits.names())
def test_every_limit_is_in_the_table_with_its_default(name: str) -> None:
    default = getattr(InputLimits(), name)
    assert setting_rows()[f"WORKBENCH_MAX_{name.upper()}"].strip() == f"{default:,}"


def test_the_address_and_poll_defaults_are_the_real_ones() -> None:
    rows = setting_rows()
    assert rows[hosting.ADDRESS_VARIABLE].strip() == f"`{hosting.LOOPBACK}`"
    assert rows[configuration.ROOM_POLL_VARIABLE].strip() == f"`{configuration.ROOM_POLL_SECONDS:g}`"
