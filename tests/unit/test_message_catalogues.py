"""User-facing messages of services, storage, the pages and the command line live in their catalogues.

Every Python file of services/, storage/ and ui/ and cli.py is scanned: an exception raised with a literal or
f-string message, a Streamlit message (st.error, st.warning, st.info, st.success, st.toast, also on a column or
placeholder) or a flash text written in place fails, so wording is reviewed in the catalogue modules only.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("services", "storage", "ui")
CATALOGUES = {"services/service_messages.py", "storage/storage_messages.py", "ui/ui_messages.py"}
STREAMLIT_MESSAGES = {"error", "warning", "info", "success", "toast"}

# (file, function, exception) -> why its text stays where it is. Keep it short.
ALLOWED = {
    ("ui/form.py", "render_field", "ValueError"): "a programming error (a field kind without a widget), never shown",
}


def scanned_files() -> list[Path]:
    """cli.py (whose constants block at the top is its catalogue) and the modules of the scanned packages."""
    files = [ROOT / "cli.py"]
    for package in SCANNED:
        files += sorted((ROOT / package).rglob("*.py"))
    return [f for f in files if str(f.relative_to(ROOT)) not in CATALOGUES]


def is_inline_text(node: ast.expr | None) -> bool:
    """A message written in place: a literal, an f-string, one joined to them, or a literal's .format()."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(node.value.strip())
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return is_inline_text(node.left) or is_inline_text(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return is_inline_text(node.func.value)
    return False


def argument(call: ast.Call, position: int, keyword: str) -> ast.expr | None:
    if len(call.args) > position:
        return call.args[position]
    return next((k.value for k in call.keywords if k.arg == keyword), None)


def message_of(call: ast.Call, *, in_cli: bool) -> ast.expr | None:
    """The message argument when `call` shows or prints one, else None."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if name in STREAMLIT_MESSAGES and isinstance(func, ast.Attribute):
        return argument(call, 0, "body")
    if name == "flash":
        return argument(call, 1, "text")  # flash(level, text)
    if name == "print" and in_cli:
        return argument(call, 0, "")
    return None


class InlineMessages(ast.NodeVisitor):
    """Collects `file:line` of every inline message outside the allowed ones."""

    def __init__(self, relative: str) -> None:
        self.relative, self.function = relative, ""
        self.found: list[str] = []

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        outer, self.function = self.function, node.name
        self.generic_visit(node)
        self.function = outer

    def visit_Raise(self, node: ast.Raise) -> None:
        if isinstance(node.exc, ast.Call) and is_inline_text(argument(node.exc, 0, "")):
            func = node.exc.func
            error = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if (self.relative, self.function, error) not in ALLOWED:
                self.found.append(f"{self.relative}:{node.lineno} raise {error}")
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        if is_inline_text(message_of(node, in_cli=self.relative == "cli.py")):
            self.found.append(f"{self.relative}:{node.lineno} {ast.unparse(node.func)}")
        self.generic_visit(node)


def inline_messages(source: str, relative: str) -> list[str]:
    visitor = InlineMessages(relative)
    visitor.visit(ast.parse(source))
    return visitor.found


def test_no_user_facing_message_is_written_outside_its_catalogue() -> None:
    found: list[str] = []
    for path in scanned_files():
        found += inline_messages(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert found == [], "move these texts into the package's catalogue (see test module docstring)"


@pytest.mark.parametrize(
    "line",
    [
        'raise BackupInvalid(f"{path}: is empty.")',
        'raise ValueError("A tag needs some text.")',
        'st.error("Give the new workspace a name.")',
        'left.warning("Nothing can be imported:\\n\\n" + lines)',
        'state.flash("success", f"Created workspace {name}.")',
        'st.toast("Renamed {old}".format(old=old))',
    ],
)
def test_the_scan_catches_an_inline_message(line: str) -> None:
    assert len(inline_messages(line, "ui/example.py")) == 1


@pytest.mark.parametrize(
    "line",
    [
        "raise BackupInvalid(storage_messages.BACKUP_EMPTY.format(path=path))",
        "st.error(problem)",
        'state.flash("info", ui_messages.DISCARDED)',
        "raise WorkspaceNotFound(workspace_id)",
        "print(error, file=sys.stderr)",
    ],
)
def test_the_scan_lets_catalogue_texts_and_variables_pass(line: str) -> None:
    assert inline_messages(line, "cli.py") == []


def test_the_scan_sees_the_catalogues_users_and_the_command_line() -> None:
    relative = {str(p.relative_to(ROOT)) for p in scanned_files()}
    assert {"cli.py", "services/version_refs.py", "storage/backup.py", "ui/pages/workspaces.py"} <= relative
    assert not CATALOGUES & relative
    assert all((ROOT / c).is_file() for c in CATALOGUES)


def test_the_allowed_exceptions_still_exist() -> None:
    # A stale entry would silently allow a new inline message in the same function.
    for relative, function, error in ALLOWED:
        tree = ast.parse((ROOT / relative).read_text(encoding="utf-8"))
        raised = [
            n
            for f in ast.walk(tree)
            if isinstance(f, ast.FunctionDef) and f.name == function
            for n in ast.walk(f)
            if isinstance(n, ast.Raise) and isinstance(n.exc, ast.Call) and ast.unparse(n.exc.func) == error
        ]
        assert raised, f"{relative}: {function} no longer raises {error}; drop it from ALLOWED"


@pytest.mark.parametrize("catalogue", sorted(CATALOGUES | {"cli.py", "models/messages.py"}))
def test_no_catalogue_assigns_a_name_twice(catalogue: str) -> None:
    """A second assignment silently replaces the first text everywhere it is used; neither ruff nor mypy says so."""
    tree = ast.parse((ROOT / catalogue).read_text(encoding="utf-8"))
    names = [
        t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets if isinstance(t, ast.Name)
    ]
    assert sorted({n for n in names if names.count(n) > 1}) == []
