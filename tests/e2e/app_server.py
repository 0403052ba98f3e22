"""Starts the workbench exactly as the README does (`bash scripts/run.sh`) on a free loopback port."""

import os
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from services import configuration

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 180  # a first run may install the pinned packages; a warm start takes about 2 s


@dataclass(frozen=True)
class RunningApp:
    url: str
    data_dir: Path  # WORKBENCH_DATA_DIR of the app: its SQLite database lives here
    pid: int  # the app's server process (scripts/run.sh execs it)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(url: str, process: subprocess.Popen[bytes], seconds: float = STARTUP_SECONDS) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited with {process.returncode} before it was healthy")
        try:
            with urllib.request.urlopen(url + "_stcore/health", timeout=1) as response:
                if response.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)  # polling the health endpoint: nothing else says when the server is up
    raise RuntimeError(f"the app did not become healthy within {seconds} s")


@contextmanager
def running_app(
    data_dir: Path,
    environment: dict[str, str] | None = None,
    *,
    port: int | None = None,
) -> Iterator[RunningApp]:
    """The app on its own data folder (and `environment` on top of ours); stopped with every child on leaving."""
    port = port or free_port()
    env = {k: v for k, v in os.environ.items() if k != configuration.DATABASE_URL_VARIABLE}  # SQLite in data_dir
    env[configuration.DATA_DIR_VARIABLE] = str(data_dir)
    env.update(environment or {})
    # The checkout is shared with other people editing it: no file watcher, so their saves
    # cannot rerun or reload the app under a running test.
    command = [
        "bash",
        "scripts/run.sh",
        "--server.port",
        str(port),
        "--server.fileWatcherType",
        "none",
    ]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_healthy(url, process)
        yield RunningApp(url, data_dir, process.pid)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
