"""Risk acceptances that cannot miss: subjects compared as the same edge however they are spaced, an acceptance
that applies to nothing reported as stale, one ending within two weeks flagged, and --date fixing the gate."""

import datetime as dt
import json
from pathlib import Path

import pytest

import cli
from analysis.engine import analyze_workspace
from models.finding import FindingStatus
from models.validation import validate_workspace_data
from tests.unit.test_cli_analyze import core_conforming_to_a_vendor

UNTIL = "2027-01-31"


def accepted(path: Path, subject: str, rule: str = "AIC001", *also: tuple[str, str]) -> Path:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["accepted_risks"] = [
        {"rule": r, "subject": s, "reason": "gateway next quarter", "accepted_by": "Ana", "until": UNTIL}
        for r, s in ((rule, subject), *also)
    ]
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def findings_on(path: Path, day: dt.date) -> dict[str, tuple[str, str, str]]:
    workspace = validate_workspace_data(json.loads(path.read_text(encoding="utf-8")))
    return {
        f.rule: (f.severity.value, f.status.value, f.message) for f in analyze_workspace(workspace, today=day).findings
    }


def test_an_acceptance_written_without_spaces_around_the_arrow_still_applies(tmp_path: Path) -> None:
    found = findings_on(accepted(core_conforming_to_a_vendor(tmp_path), "Vendor LLM->Pricing"), dt.date(2027, 1, 1))
    assert found["AIC001"][1] == FindingStatus.ACCEPTED.value
    assert "ACC001" not in found


def test_an_acceptance_that_matches_no_finding_is_reported_stale_and_neither_scores_nor_fails(tmp_path: Path) -> None:
    path = accepted(core_conforming_to_a_vendor(tmp_path), "Vendor LLM -> Pricing", rule="AIC004")
    found = findings_on(path, dt.date(2027, 1, 1))
    assert found["ACC001"] == (
        "warning",
        "open",
        "The acceptance of AIC004 on 'Vendor LLM -> Pricing' by Ana (until 2027-01-31) matches no current finding.",
    )
    workspace = validate_workspace_data(json.loads(path.read_text(encoding="utf-8")))
    analysis = analyze_workspace(workspace, today=dt.date(2027, 1, 1))
    assert all("ACC001" not in part.detail for part in analysis.score.parts)


def test_an_acceptance_ending_within_two_weeks_is_flagged_with_the_days_left(tmp_path: Path) -> None:
    path = accepted(core_conforming_to_a_vendor(tmp_path), "Vendor LLM -> Pricing")
    assert "ACC002" not in findings_on(path, dt.date(2027, 1, 16))  # 15 days left
    assert findings_on(path, dt.date(2027, 1, 30))["ACC002"] == (
        "info",
        "open",
        "The acceptance of AIC001 on Vendor LLM -> Pricing by Ana ends on 2027-01-31, in 1 day.",
    )


@pytest.mark.parametrize(("day", "exit_code"), [("2027-01-31", 0), ("2027-02-01", 1)])
def test_the_date_decides_the_gate_not_the_day_the_pipeline_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], day: str, exit_code: int
) -> None:
    # Both errors of the workspace accepted until 2027-01-31: the gate passes on that day and fails the day after.
    path = accepted(core_conforming_to_a_vendor(tmp_path), "Vendor LLM -> Pricing", "AIC001", ("AIC018", "Pricing"))
    assert cli.main(["analyze", str(path), "--date", day, "--format", "json"]) == exit_code
    report = json.loads(capsys.readouterr().out)
    assert report["date"] == day


def test_a_date_that_is_not_one_exits_2_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["analyze", str(core_conforming_to_a_vendor(tmp_path)), "--date", "31.01.2027"])
    assert exited.value.code == 2
    assert "argument --date: '31.01.2027' is not a date; give it as YYYY-MM-DD" in capsys.readouterr().err
