"""The Readiness page in a real browser: a PoC workspace misses one MVP item; following the item's link to its
box and answering it there turns the MVP gate green, and the answer is saved."""

import json
import re

from playwright.sync_api import expect

from services.configuration import EXAMPLE_WORKSPACE
from tests.e2e.app_server import RunningApp
from tests.e2e.conftest import BrowserSession
from tests.e2e.stored_workspaces import repository, seed_workspace, stored
from tests.e2e.workbench_browser import main, open_page, open_workspace, rerun_after, save, screenshot, settle

NAME = "Readiness lab"


def seeded(app: RunningApp) -> str:
    """The example, one phase earlier, with the data-protection impact assessment not done yet."""
    data = json.loads(EXAMPLE_WORKSPACE.read_text(encoding="utf-8"))
    data.update(name=NAME, phase="poc")
    data["readiness"]["compliance"]["dpia_done"] = False
    return seed_workspace(repository(app.data_dir), data)


def test_answering_the_missing_mvp_item_turns_the_gate_green(session: BrowserSession, app: RunningApp) -> None:
    page, workspace_id = session.page, seeded(app)
    page.reload()  # the tab's list was drawn before the workspace was stored
    settle(page)
    open_workspace(page, workspace_id)
    open_page(page, "Readiness", main(page).locator(".st-key-phase-mvp"))
    mvp = main(page).locator(".st-key-phase-mvp")
    expect(mvp).to_contain_text("MVP · next")
    expect(mvp).to_contain_text("9 of 10")
    expect(mvp).to_contain_text("1 to answer")
    item = main(page).get_by_text(re.compile(r"RDY011 \(blocks\) Compliance is decided"))
    expect(item).to_be_visible()
    expect(main(page).get_by_text("personal data is handled but the data-protection impact assessment is not done"))
    link = main(page).get_by_role("link", name="Compliance", exact=True)
    expect(link).to_have_attribute("href", "#compliance")
    link.click()
    heading = main(page).get_by_role("heading", name="Compliance", exact=True)
    expect(heading).to_be_in_viewport()
    screenshot(page, "readiness-1-mvp-item-open")
    toggle = main(page).get_by_text("Data-protection impact assessment done", exact=True)
    rerun_after(page, toggle.click)
    settle(page)
    expect(mvp).to_contain_text("10 of 10")
    expect(mvp).to_contain_text("ready")
    expect(main(page).get_by_text("Ready for MVP: every concern it requires is answered.")).to_be_visible()
    screenshot(page, "readiness-2-mvp-ready")
    assert save(page, message="DPIA done").startswith("Saved")
    assert stored(app.data_dir, NAME)["readiness"]["compliance"]["dpia_done"] is True
