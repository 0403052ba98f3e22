"""Saves large versions in a loop until killed: `python -m tests.integration.save_until_killed URL`.

Each version rewrites every context's purpose, so each save is one big transaction of fresh blobs.
"""

import sys

from models.validation import validate_workspace_data
from storage.sql import SqlWorkspaceRepository
from tests.integration.workspaces import large_workspace

CONTEXTS = 200  # validation of larger workspaces is slow (quadratic duplicate check in models)


def purposes_of_round(number: int) -> str:
    return f"written by save {number}"


def main(url: str) -> None:
    repo = SqlWorkspaceRepository(url)
    data = large_workspace(CONTEXTS).model_dump(mode="json")
    while True:
        head = repo.list_versions("big")[0].number
        for canvas in data["bounded_contexts"]:
            canvas["purpose"] = purposes_of_round(head + 1)
        repo.save("big", validate_workspace_data(data), parent=head)
        print(f"saved {head + 1}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
