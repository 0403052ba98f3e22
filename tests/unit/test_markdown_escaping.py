"""Every piece of text put into a Streamlit element that renders Markdown goes through ui.literal_markdown.literal.

The scan reads the UI's source: in each call of a Markdown-rendering element, every value formatted into the text
(an f-string's `{...}` or an argument of `.format(...)`) must be `literal(...)`, or plainly a number or a date,
or carry a `# markdown: <why>` comment on its line saying why the text cannot be a person's.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UI_FILES = sorted([ROOT / "app.py", *(ROOT / "ui").rglob("*.py")])
# Streamlit calls whose text argument is rendered as Markdown (labels of widgets and containers too).
MARKDOWN_CALLS = frozenset(
    {"markdown", "write", "caption", "info", "warning", "error", "success", "toast", "title", "header", "subheader"}
    | {"expander", "popover", "button", "page_link", "download_button", "tabs", "metric"}
)
# Formatted values that are not a person's text: counts, version numbers, times, sizes, and the workbench's own
# labels (a canvas's title, a field's label, a rule's id), judged by the last name in the expression.
SAFE_NAMES = re.compile(
    r"^(number|count|head|parent|version|when|size|total|index|limit|position|icon|title|label|attribution|"
    r"licence|rule|severity|value|upper|strftime)s?$|_(number|count|at)$",
    re.IGNORECASE,
)
REASON = "# markdown:"
# The escaping function, and the two that apply it to each line of a list of problems or warnings.
ESCAPING = ("literal", "listed", "problem_lines")


def _escaped_names(tree: ast.AST) -> set[str]:
    """Names assigned straight from an escaping call, e.g. `lines, more = problem_lines(...)`."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            func = node.value.func
            if isinstance(func, ast.Name) and func.id in ESCAPING:
                for target in node.targets:
                    elements = target.elts if isinstance(target, ast.Tuple) else [target]
                    names.update(e.id for e in elements if isinstance(e, ast.Name))
    return names


def _value_is_safe(node: ast.expr, escaped: frozenset[str] = frozenset()) -> bool:
    if isinstance(node, ast.Name) and node.id in escaped:
        return True
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.BoolOp):
        return all(_value_is_safe(v, escaped) for v in node.values)
    if isinstance(node, ast.IfExp):
        return _value_is_safe(node.body, escaped) and _value_is_safe(node.orelse, escaped)
    if isinstance(node, ast.Subscript):
        return _value_is_safe(node.value, escaped)
    if isinstance(node, ast.Call):
        if isinstance(node.func, ast.Name) and node.func.id in (*ESCAPING, "len", "int"):
            return True
        return _value_is_safe(node.func, escaped)
    last = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""
    return bool(last) and (last.isupper() or bool(SAFE_NAMES.search(last)))


def _formatted_values(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.FormattedValue)]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return [*node.args, *(k.value for k in node.keywords)]
    if isinstance(node, ast.BinOp):
        return _formatted_values(node.left) + _formatted_values(node.right)
    return []


def unescaped_values(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found = []
    tree = ast.parse(source)
    escaped = frozenset(_escaped_names(tree))
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in MARKDOWN_CALLS or not node.args:
            continue
        if REASON in lines[node.lineno - 1] or REASON in lines[node.end_lineno - 1 if node.end_lineno else 0]:
            continue
        for value in _formatted_values(node.args[0]):
            if not _value_is_safe(value, escaped):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(value)}")
    return found


def test_every_formatted_value_in_markdown_is_escaped_or_plainly_not_a_persons_text() -> None:
    found = [line for path in UI_FILES for line in unescaped_values(path)]
    assert found == [], "\n".join(found)


@pytest.mark.parametrize(
    ("code", "flagged"),
    [
        ('st.markdown(f"**{name}**")', True),
        ('st.markdown(f"**{literal(name)}**")', False),
        ("st.info(MESSAGE.format(name=version.name, number=version.number))", True),
        ("st.info(MESSAGE.format(name=literal(version.name), number=version.number))", False),
        ('st.caption(f"Before: {shown(base)}")', True),
        ('st.caption(f"Before: {shown(base)}")  # markdown: shown() gives JSON of our own numbers', False),
        ('st.text(f"{name}")', False),  # st.text shows text as it is
    ],
)
def test_the_scan_flags_what_it_should(tmp_path: Path, code: str, flagged: bool) -> None:
    source = tmp_path / "page.py"
    source.write_text(code + "\n", encoding="utf-8")
    found = unescaped_values_at(source)
    assert bool(found) is flagged, found


def unescaped_values_at(path: Path) -> list[str]:
    """unescaped_values for a file outside the project (the scan's own tests)."""
    global ROOT
    saved, ROOT = ROOT, path.parent
    try:
        return unescaped_values(path)
    finally:
        ROOT = saved
