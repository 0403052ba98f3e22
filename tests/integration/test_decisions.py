"""Risk acceptances are stored the moment they are made, as versions of their own, whatever else is saved."""

import datetime as dt
import threading
from typing import Any

import pytest

from services import reviews, saving
from services.access import local_person
from storage.repository import WorkspaceRepository
from tests.integration.workspaces import edited, small_workspace

UNTIL = dt.date(2031, 1, 31)


def accept(repo: WorkspaceRepository, subject: str = "Orders", **changes: Any) -> tuple[dict[str, object], object]:
    fields: dict[str, object] = {"reason": "Watched weekly", "accepted_by": "Ana", "until": UNTIL, **changes}
    fields["person"] = local_person(str(fields.pop("accepted_by")))
    return reviews.accept_risk(repo, "w1", rule="AIC015", subject=subject, **fields)  # type: ignore[arg-type]


def test_an_acceptance_is_a_version_of_its_own_with_who_and_what(repo: WorkspaceRepository) -> None:
    repo.save("w1", small_workspace())
    acceptance, version = accept(repo)
    head = repo.list_versions("w1")[0]
    assert (head.number, head.parent, head.author) == (2, 1, "Ana")
    assert head.message == "Accepted the risk of AIC015 on Orders until 2031-01-31"
    assert version == head
    stored = [r.model_dump(mode="json") for r in repo.load("w1").accepted_risks]
    assert (
        stored
        == [acceptance]
        == [
            {
                "rule": "AIC015",
                "subject": "Orders",
                "reason": "Watched weekly",
                "accepted_by": "Ana",
                "until": "2031-01-31",
            }
        ]
    )
    assert repo.load("w1").bounded_contexts == repo.load("w1", 1).bounded_contexts  # nothing else changed


def test_accepting_again_replaces_and_withdrawing_removes_each_as_a_version(repo: WorkspaceRepository) -> None:
    repo.save("w1", small_workspace())
    accept(repo, reason="first")
    accept(repo, reason="second")
    assert [r.reason for r in repo.load("w1").accepted_risks] == ["second"]
    version = reviews.withdraw_acceptance(repo, "w1", rule="AIC015", subject="Orders", person=local_person("Bo"))
    assert (version.number, version.author, version.message) == (4, "Bo", "Withdrew the acceptance of AIC015 on Orders")
    assert repo.load("w1").accepted_risks == []


@pytest.mark.parametrize(
    ("changes", "missing"),
    [
        ({"reason": "  "}, ["Reason"]),
        ({"accepted_by": ""}, ["Accepted by"]),
        ({"until": None}, ["Until"]),
        ({"reason": "", "accepted_by": " ", "until": None}, ["Reason", "Accepted by", "Until"]),
    ],
)
def test_an_incomplete_acceptance_names_each_missing_field_and_stores_nothing(
    repo: WorkspaceRepository, changes: dict[str, Any], missing: list[str]
) -> None:
    repo.save("w1", small_workspace())
    with pytest.raises(reviews.AcceptanceIncomplete) as refused:
        accept(repo, **changes)
    assert refused.value.missing == missing
    assert str(refused.value) == f"Not accepted: fill in {', '.join(missing)}."
    assert len(repo.list_versions("w1")) == 1


def test_acceptances_and_a_save_at_the_same_moment_all_land(repo: WorkspaceRepository) -> None:
    repo.save("w1", small_workspace())
    draft = edited(small_workspace(), "Orders", purpose="typed in the workshop").model_dump(mode="json")
    barrier = threading.Barrier(4)
    outcomes: list[object] = []

    def run(action: object) -> None:
        barrier.wait()
        outcomes.append(action())  # type: ignore[operator]

    actions = [
        lambda: saving.save_workspace(repo, "w1", draft, parent=1, person=local_person("Bo")),
        *[lambda subject=subject: accept(repo, subject=subject) for subject in ("Orders", "Pricing", "Orders -> X")],
    ]
    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(outcomes) == 4
    newest = repo.load("w1")
    assert {r.subject for r in newest.accepted_risks} == {"Orders", "Pricing", "Orders -> X"}
    assert {c.name: c.purpose for c in newest.bounded_contexts}["Orders"] == "typed in the workshop"
    assert len(repo.list_versions("w1")) == 5
