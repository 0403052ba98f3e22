"""The draft's problems as Markdown list lines under a message: the first few, then how many more there are."""

from models.workspace import Problem
from ui import ui_messages
from ui.literal_markdown import literal


def problem_lines(problems: list[Problem], shown: int = 20) -> tuple[str, str]:
    """The lines of the first `shown` problems, and the line counting the rest ('' when none are left out)."""
    lines = "\n".join(
        ui_messages.PROBLEM_LINE.format(path=p.path or ui_messages.WORKSPACE_PATH, message=literal(p.message))
        for p in problems[:shown]
    )
    more = ui_messages.MORE_PROBLEMS.format(count=len(problems) - shown) if len(problems) > shown else ""
    return lines, more
