"""Which problems a part of the sheet shows itself: an edit there that changes any other problem reruns the page."""

import pytest

from canvases.bounded_context import BOUNDED_CONTEXT_CANVAS
from ui.form import FormContext, ProblemSlot
from ui.sheet_parts import shows_problem_at

PART = FormContext(
    canvas=BOUNDED_CONTEXT_CANVAS,
    data={},
    index=0,
    scope="bounded_contexts[0]",
    slots=[
        ProblemSlot("purpose", False, None),
        ProblemSlot("inbound[0]", True, None),
        ProblemSlot("inbound[0].pattern", False, None),
    ],
)


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("bounded_contexts[0].purpose", True),
        ("bounded_contexts[0].purpose_note", False),  # a longer name is another field
        ("bounded_contexts[0].inbound[0]", True),  # the lane's own problems (an exact slot)
        ("bounded_contexts[0].inbound[0].pattern", True),
        ("bounded_contexts[0].inbound[0].messages[1].name", False),  # inside the lane, but no slot holds it
        ("bounded_contexts[1].purpose", False),
        ("bounded_contexts[10].purpose", False),
        ("teams[0].name", False),
    ],
)
def test_a_part_shows_the_problems_its_slots_hold(path: str, shown: bool) -> None:
    assert shows_problem_at(PART, path) is shown
