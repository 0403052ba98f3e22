"""The app listens on this machine only unless a sign-in provider guards it; scripts/run.sh says which."""

import os
import subprocess
from pathlib import Path

import pytest

from services import hosting

ROOT = Path(__file__).resolve().parents[2]
PROVIDER = (
    '[auth]\nclient_id = "workbench"\nserver_metadata_url = "https://id.example.org/.well-known/openid-configuration"\n'
)


def secrets(tmp_path: Path, text: str) -> list[Path]:
    path = tmp_path / "secrets.toml"
    path.write_text(text, encoding="utf-8")
    return [path]


@pytest.mark.parametrize("address", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_without_a_provider_the_app_stays_on_this_machine(tmp_path: Path, address: str) -> None:
    line = hosting.start_line(address, [tmp_path / "absent.toml"])
    assert line.startswith("No sign-in provider is configured") and f"listens on {address} only" in line


@pytest.mark.parametrize("address", ["0.0.0.0", "192.0.2.10", "::", "workbench.example.org"])
def test_an_open_address_without_a_provider_is_refused(tmp_path: Path, address: str) -> None:
    with pytest.raises(hosting.HostingRefused, match=f"^Not started: listening on {address} would let anyone"):
        hosting.start_line(address, secrets(tmp_path, "[other]\nkey = 1\n"))


def test_an_open_address_with_a_provider_names_it(tmp_path: Path) -> None:
    assert hosting.start_line("0.0.0.0", secrets(tmp_path, PROVIDER)) == (
        "Sign-in through https://id.example.org/.well-known/openid-configuration; listening on 0.0.0.0."
    )


def test_a_secrets_file_that_is_not_toml_is_named(tmp_path: Path) -> None:
    files = secrets(tmp_path, "[auth\nbroken")
    with pytest.raises(hosting.HostingRefused, match=f"^Not started: {files[0]} cannot be read as TOML"):
        hosting.start_line("0.0.0.0", files)


def run_script(tmp_path: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WORKBENCH_DATA_DIR": str(tmp_path), **variables}
    return subprocess.run(
        ["bash", "scripts/run.sh", "--server.port", "1"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def test_run_sh_refuses_to_open_the_app_to_the_network_without_sign_in(tmp_path: Path) -> None:
    result = run_script(tmp_path, WORKBENCH_ADDRESS="0.0.0.0", WORKBENCH_SECRETS=str(tmp_path / "none.toml"))
    assert result.returncode == 2
    assert "Not started: listening on 0.0.0.0 would let anyone who reaches it" in result.stderr
    assert "Traceback" not in result.stderr
