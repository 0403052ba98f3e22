"""Workspaces for the PDF tests, what their PDFs must show, and how to read a PDF's text back.

The filled workspace types every field of every canvas definition with umlauts, Greek,
Cyrillic, Chinese, Japanese, Korean and characters that mean something in markup.
"""

import io
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from canvases import CANVASES
from canvases.bounded_context import COLLABORATOR_FIELDS
from canvases.definition import CanvasDef, Column, FieldDef, FieldKind
from canvases.paths import get_path, set_path
from canvases.tables import rows_for
from formats.pdf.pdf_content import format_value
from formats.workspace_json.workspace_file import read_workspace_file
from models.api_product_canvas import ApiProductCanvas
from models.architecture_canvas import ArchitectureCommunicationCanvas
from models.bounded_context import BoundedContextCanvas
from models.validation import validate_workspace_data
from models.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "assets" / "examples" / "home-valuation.json"
F = FieldKind

# Everything a workshop might type that a PDF library could mangle.
TRICKY = "Grüße Ελληνικά кириллица 中文 日本語 한국어 <script>alert(\"x\")</script> &amp; 'q' \\path\\"
CONTEXTS = ("Kontext Ärger", "Σύστημα 中文")
EXTERNAL = 'Ext <b>&amp; "Партнёр"'
TEAM = "Team 한국어 \\o/"


def example_workspace() -> Workspace:
    return read_workspace_file(EXAMPLE)


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page, as pypdf extracts it."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def squeeze(text: str) -> str:
    """Text without whitespace: a PDF breaks lines where the typed text had none."""
    return re.sub(r"\s+", "", text)


def is_printed(text: str, document: str) -> bool:
    """`text` appears whole, or in two parts in order: a box's share and the rest on an overflow page."""
    text = squeeze(text)
    if text in document:
        return True
    for cut in range(1, len(text)):
        head = document.find(text[:cut])
        if head >= 0 and document.find(text[cut:], head + cut) >= 0:
            return True
    return False


def missing_texts(expected: list[str], pdf: bytes) -> list[str]:
    document = squeeze("".join(pdf_pages(pdf)))
    return [text for text in expected if not is_printed(text, document)]


# --- Building the filled workspace ----------------------------------------------------------------


def _sample(f: FieldDef | Column, tag: str) -> Any:
    if f.kind in (F.TEXT, F.LONG_TEXT):
        return f"{tag} {f.label}: {TRICKY}"
    if f.kind is F.CHOICE:
        return f.options[-1].value
    if f.kind is F.MULTI_CHOICE:
        return [f.options[0].value, f.options[-1].value]
    if f.kind is F.BOOL:
        return True
    if f.kind is F.NUMBER:
        return 99.5
    if f.kind is F.INTEGER:
        return 3 if f.key == "volatility" else 250
    if f.kind is F.TEAM:
        return TEAM
    if f.kind is F.CONTEXT:
        return CONTEXTS[0]
    raise ValueError(f.kind)


def _row(f: FieldDef, tag: str, index: int) -> dict[str, Any]:
    return {c.key: _sample(c, f"{tag}{index}") for c in f.columns}


def _entry(tag: str) -> dict[str, Any]:
    """A collaborator with every message kind and every integration attribute set (rules respected)."""
    entry = {f.key: _sample(f, tag) for f in COLLABORATOR_FIELDS}
    entry.update(pattern="customer_supplier", side="downstream", roles=["ACL"], collaborator_roles=["PL"])
    entry["collaborator"] = EXTERNAL
    entry["messages"] = [{"kind": kind, "name": f"{tag} {kind} {TRICKY}"} for kind in ("command", "query", "event")]
    return entry


def _value(f: FieldDef, tag: str) -> Any:
    if f.kind is F.LIST:
        return [f"{tag} {f.label} {i}: {TRICKY}" for i in (1, 2)]
    if f.kind is F.TABLE:
        return [_row(f, tag, i) for i in (1, 2)]
    if f.kind is F.OPERATIONS:
        operation = {c.key: f"{tag} {c.label}: {TRICKY}" for c in f.columns[1:]}
        return [{"name": f"{tag} aggregate {TRICKY}", "operations": [operation]}]
    if f.kind is F.COMMUNICATION:
        return [_entry(f"{tag} a"), _entry(f"{tag} b")]
    return _sample(f, tag)


def filled(canvas: CanvasDef, empty: dict[str, Any], tag: str) -> dict[str, Any]:
    """Canvas data with every field of the definition set to a value other than its default."""
    for _, f in canvas.fields():
        set_path(empty, f.key, _value(f, tag))
    return empty


def filled_workspace() -> Workspace:
    contexts = [BoundedContextCanvas(name=name).model_dump(mode="json") for name in CONTEXTS]
    bcc = CANVASES["bounded_context"]
    contexts = [filled(bcc, data, f"B{i}") for i, data in enumerate(contexts)]
    for data, name in zip(contexts, CONTEXTS, strict=True):
        data["name"] = name
    acc = filled(CANVASES["architecture_communication"], ArchitectureCommunicationCanvas(name="x").model_dump(), "A")
    api = filled(CANVASES["api_product"], ApiProductCanvas(bounded_context="x").model_dump(mode="json"), "P")
    api["bounded_context"] = CONTEXTS[1]
    data = {
        "name": f"Workspace {TRICKY}",
        "description": f"Beschreibung {TRICKY}",
        "teams": [{"name": TEAM, "description": f"Team {TRICKY}"}],
        "external_systems": [{"name": EXTERNAL, "description": f"System {TRICKY}"}],
        "bounded_contexts": contexts,
        "architecture_canvases": [acc],
        "api_products": [api],
    }
    return validate_workspace_data(data)


# --- What a canvas PDF must show ------------------------------------------------------------------


def _shown(f: FieldDef | Column, value: Any) -> list[str]:
    if f.kind is F.MULTI_CHOICE:
        return [format_value(F.CHOICE, f.options, v) for v in value or []]
    if f.kind is F.BOOL:
        return [f.label] if value else []
    text = format_value(f.kind, f.options, value)
    return [text] if text else []


def _collaborator_texts(entry: dict[str, Any]) -> list[str]:
    texts = [entry["collaborator"], *(m["name"] for m in entry["messages"])]
    for f in COLLABORATOR_FIELDS:
        texts += _shown(f, entry.get(f.key))
    return texts


def expected_texts(canvas: CanvasDef, data: dict[str, Any]) -> list[str]:
    """Every value the canvas holds, as its PDF must print it (option labels, not stored values)."""
    texts: list[str] = []
    for _, f in canvas.fields():
        value = get_path(data, f.key)
        if f.kind is F.COMMUNICATION:
            for entry in value:
                texts += _collaborator_texts(entry)
        elif f.kind in (F.LIST, F.TABLE, F.OPERATIONS):
            for row in rows_for(f, value):
                for column in f.columns:
                    texts += _shown(column, row.get(column.key))
        elif f.kind is not F.BOOL:  # booleans print as Yes/No, which says nothing on its own
            texts += _shown(f, value)
    return texts


def all_canvases(workspace: Workspace) -> list[tuple[str, str, dict[str, Any]]]:
    """(kind, name, data) of every canvas in the workspace."""
    return [
        (key, str(getattr(d, c.name_field)), d.model_dump(mode="json"))
        for key, c in CANVASES.items()
        for d in getattr(workspace, c.collection)
    ]


# --- The samples are what they claim to be --------------------------------------------------------


def test_the_filled_workspace_is_valid_and_sets_every_field_of_every_canvas() -> None:
    workspace = filled_workspace()
    for kind, _, data in all_canvases(workspace):
        canvas = CANVASES[kind]
        model = type(getattr(workspace, canvas.collection)[0])
        default = model.model_validate({canvas.name_field: "x"}).model_dump(mode="json")
        unchanged = [
            f.key
            for _, f in canvas.fields()
            if f.key != canvas.name_field and get_path(data, f.key) == get_path(default, f.key)
        ]
        assert unchanged == [], kind


def test_the_expected_texts_hold_every_script_and_markup_character() -> None:
    texts = expected_texts(CANVASES["bounded_context"], filled_workspace().bounded_contexts[0].model_dump(mode="json"))
    joined = "".join(texts)
    for sample in ("Grüße", "Ελληνικά", "кириллица", "中文", "日本語", "한국어", "<script>", "&amp;", '"', "\\path\\"):
        assert sample in joined
    assert "Customer/Supplier (C/S)" in texts  # an option's label, not its stored value


@pytest.mark.parametrize("text", ["Grüße", "中文"])
def test_squeezing_ignores_where_the_pdf_broke_lines(text: str) -> None:
    assert squeeze(f"a {text}\nb") == f"a{text}b"
