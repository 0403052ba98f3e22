"""User text inside the app's own Markdown shows as typed; the map's chart can be redrawn in the browser.

The browser suite (tests/e2e) checks what the page shows; these check what the app sends.
"""

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.ui.flows import WORKSPACES, create_workspace, stored_workspace
from ui.literal_markdown import WORD_JOINER, literal

NAME = "**Team** _x_ [link](javascript:x) $x^2$ :red[r] :smile: <b>b</b> `c` # 1. ~~s~~"
MARKUP = re.compile(r"(?<!\\)[*_\[\]`$<>#~]")  # a Markdown character without its escaping backslash


def test_literal_escapes_every_markup_character_and_breaks_emoji_codes() -> None:
    shown = literal(NAME)
    assert MARKUP.findall(shown) == []
    assert ":smile:" not in shown.replace("\\", "") and f":{WORD_JOINER}smile" in shown.replace("\\", "")
    assert shown.replace("\\", "").replace(WORD_JOINER, "") == NAME  # nothing but escapes is added


def test_a_workspace_name_with_markup_is_sent_escaped_to_the_sidebar_and_the_list(app: AppTest, data_dir: Path) -> None:
    create_workspace(app, NAME)
    assert stored_workspace(data_dir, NAME)["name"] == NAME
    heading = app.sidebar.markdown[0].value
    assert heading == f"### {literal(NAME)}"
    app.switch_page(WORKSPACES).run()
    listed = next(m.value for m in app.markdown if "updated" in m.value and "Team" in m.value)
    assert listed.startswith(f"▶ **{literal(NAME)}**")
    assert MARKUP.findall(listed.removeprefix("▶ **").split("**  \n")[0]) == []


def test_the_map_chart_has_no_edges_first_output_order_which_the_browser_cannot_redraw(app: AppTest) -> None:
    app.switch_page("ui/pages/context_map.py").run()
    assert not app.exception, app.exception
    chart = app.get("graphviz_chart")[0].proto.spec
    assert chart.startswith("digraph context_map") and "Valuation Feature Store" in chart
    assert "outputorder" not in chart
