"""Facts inferred from wording: the one-off upgrade of stored workspaces, and the list awaiting confirmation.

Workspaces written before metrics had kinds, and before relationships recorded what their consumer relies on,
held those facts only in words. Their newest version gets the inferred facts as a new version of its own, by the
workbench, whose message lists what was inferred; the earlier versions stay as they were.
"""

from canvases.metric_kinds import Inference
from canvases.wording_inference import upgrade_workspace
from models.access import local_person
from models.workspace import SCHEMA_VERSION
from services import service_messages
from storage.repository import WorkspaceRepository


def infer_stored_facts(repo: WorkspaceRepository) -> dict[str, list[Inference]]:
    """Upgrades every stored workspace whose newest version is of schema 1: metric kinds and reliance inferred from
    wording, saved as a new version. Returns what was inferred, per workspace. A workspace that cannot be read is
    left for its page to report; one that upgrades with nothing to infer still gets its version (an empty list)."""
    done: dict[str, list[Inference]] = {}
    workbench = local_person("workbench")
    for summary in repo.list_workspaces():
        if summary.problem is not None:
            continue
        workspace = repo.load(summary.workspace_id)
        if workspace.schema_version == SCHEMA_VERSION:
            continue
        upgraded, inferred = upgrade_workspace(workspace)
        details = "".join(f"\n- {i.describe()}" for i in inferred)
        message = service_messages.INFERRED_VERSION.format(facts=_facts(len(inferred)))
        repo.save(
            summary.workspace_id,
            upgraded,
            parent=summary.head,
            author=workbench.author,
            message=(message + details) if inferred else service_messages.UPGRADED_VERSION,
            rebase=lambda _parent, newest, _number: upgrade_workspace(newest)[0],
        )
        done[summary.workspace_id] = inferred
    return done


def _facts(count: int) -> str:
    return f"{count} fact{'' if count == 1 else 's'}"
