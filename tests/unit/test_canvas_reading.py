"""A canvas read section by section, with the definition's titles and labels and values as the canvas shows them."""

from canvases import CANVASES
from diff.canvas_reading import FieldReading, canvas_reading

BCC = CANVASES["bounded_context"]


def test_filled_sections_read_in_canvas_order_with_labels_and_option_labels() -> None:
    document = {
        "name": "Pricing",
        "purpose": "Prices offers.\nDaily.",
        "domain": "core",
        "ubiquitous_language": [{"term": "Offer", "definition": "A price for one home"}, {"term": "Quote"}],
    }
    readings = canvas_reading(BCC, document)
    titles = [r.title for r in readings]
    assert titles == [s.title for s in BCC.sections if s.title in titles]  # the canvas's order
    by_title = {r.title: r.fields for r in readings}
    assert by_title["Purpose"] == (FieldReading("", ("Prices offers.\nDaily.",), False),)
    assert by_title["Strategic Classification"] == (FieldReading("Domain", ("Core",), False),)
    assert by_title["Ubiquitous Language"] == (
        FieldReading("", ("Offer; Definition: A price for one home", "Quote"), True),
    )
    assert "Business Decisions" not in by_title  # empty sections are left out


def test_a_canvas_with_nothing_filled_in_reads_as_nothing() -> None:
    assert canvas_reading(BCC, {}) == []


def test_a_collaborators_messages_stay_in_its_row() -> None:
    document = {"inbound": [{"collaborator": "Web", "messages": [{"name": "Start"}, {"name": "Stop"}]}]}
    [section] = canvas_reading(BCC, document)
    [field] = section.fields
    assert field.rows and len(field.lines) == 1
    assert field.lines[0].startswith("Web;") and "Start" in field.lines[0] and "Stop" in field.lines[0]
