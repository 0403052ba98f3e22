"""Where the app may listen: on this machine only, unless a sign-in provider guards it.

scripts/run.sh asks here before it starts Streamlit (`python -m services.hosting ADDRESS`): without a provider,
anyone who reached an open port could read, change and delete every workspace, so it is refused.
"""

import ipaddress
import sys
import tomllib
from pathlib import Path

from services import service_messages
from services.configuration import ROOT

ADDRESS_VARIABLE = "WORKBENCH_ADDRESS"
SECRETS_VARIABLE = "WORKBENCH_SECRETS"
LOOPBACK = "127.0.0.1"


class HostingRefused(Exception):
    """Listening on this address would open the workbench to others without sign-in."""


def default_secrets_files() -> list[Path]:
    """Where Streamlit looks for secrets when told nothing else (its own default, from the app's folder)."""
    return [Path.home() / ".streamlit" / "secrets.toml", ROOT / ".streamlit" / "secrets.toml"]


def provider_in(files: list[Path]) -> str | None:
    """The sign-in provider's metadata URL (or "configured") when one of the files has an [auth] section."""
    for path in files:
        if not path.is_file():
            continue
        try:
            auth = tomllib.loads(path.read_text(encoding="utf-8")).get("auth")
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise HostingRefused(service_messages.SECRETS_UNREADABLE.format(path=path, error=error)) from None
        if isinstance(auth, dict) and auth:
            return str(auth.get("server_metadata_url") or "configured")
    return None


def is_loopback(address: str) -> bool:
    if address == "localhost":
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False  # a host name: it may well resolve to an outside interface


def start_line(address: str, files: list[Path]) -> str:
    """What the start says about who can reach the app; HostingRefused when the address is open and unguarded."""
    provider = provider_in(files)
    if provider is None and not is_loopback(address):
        listed = ", ".join(str(f) for f in files)
        raise HostingRefused(service_messages.OPEN_WITHOUT_SIGN_IN.format(address=address, files=listed))
    if provider is None:
        return service_messages.LOCAL_ONLY.format(address=address, variable=ADDRESS_VARIABLE)
    return service_messages.SIGN_IN_ON.format(address=address, provider=provider)


def main(arguments: list[str]) -> int:
    """`python -m services.hosting ADDRESS [SECRETS_FILE]`: prints the start line, or why not (exit status 2)."""
    address = arguments[0] if arguments else LOOPBACK
    files = [Path(arguments[1])] if len(arguments) > 1 and arguments[1] else default_secrets_files()
    try:
        print(start_line(address, files))
    except HostingRefused as refused:
        print(refused, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
