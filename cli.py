"""The command line, a thin layer over the same services as the app."""

import argparse
import datetime as dt
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

import cli_database
from canvases import CANVASES
from models.workspace import Workspace
from services import analysing, comparison, downloads, files, workspaces
from services.downloads import PAGE_SIZES, CanvasNotFound
from services.files import WorkspaceFileError

EXIT_OK, EXIT_GATE_FAILED, EXIT_INVALID = 0, 1, 2

# Every message the command line prints: cli.py is one module, so this block is its catalogue.
# Results, on standard output (the import summary on standard error when the workspace goes there).
VALID = "{path}: valid workspace '{name}' with {summary}."
IMPORTED = "{path}: imported '{name}' with {summary}, {teams} teams."
WROTE = "Wrote {path} ({size:,} bytes)."
# Errors and warnings, on standard error; `error` is the caught exception's own message.
CANNOT_WRITE = "{path}: cannot be written: {reason}."
LOCATED_ERROR = "{path}: {error}"
LOCATED_WARNING = "{path}: warning: {warning}"
REFUSED_BLOCKS = "{path}: error: {warning}"
EXPORT_PROBLEM = "cli.py export: {problem}"
DIFF_WARNING = "cli.py diff: warning: {warning}"
TO_CONFIRM = "{path}: note: {count} facts were inferred from wording and are marked to confirm: {facts}"
# What `export` is asked to print.
NOT_A_DATE = "{text!r} is not a date; give it as YYYY-MM-DD, e.g. 2027-01-31"
NOT_AN_EXPORT_FORMAT = "--format {format} is not an export format; choose {formats}."
PDF_NEEDS_CANVAS = "--format pdf needs --canvas NAME, the name of one canvas in the workspace."
CANVAS_ONLY_FOR_PDF = "--canvas and --kind pick one canvas for --format pdf; --format {format} prints the workspace."
NAMES_TWO_KINDS = "'{name}' names {titles}; choose one with {options}."
A_TITLE, AN_TITLE, KIND_OPTION = "a {title}", "an {title}", "--kind {kind}"
NO_CANVAS_NAMED = "no canvas is named '{name}'. The canvases are: {names}."
LISTED_CANVAS, NO_CANVASES = "'{name}'", "none"


def read_workspace(path: Path, *, any_format: bool = True) -> Workspace:
    """The workspace in `path`; the facts it holds that were inferred from wording are named on standard error."""
    workspace = files.read_any_workspace(path) if any_format else files.read_workspace(path)
    facts = files.facts_to_confirm(workspace)
    if facts:
        print(TO_CONFIRM.format(path=path, count=len(facts), facts="; ".join(facts)), file=sys.stderr)
    return workspace


def run_validate(args: argparse.Namespace) -> int:
    workspace = read_workspace(args.path, any_format=False)
    print(VALID.format(path=args.path, name=workspace.name, summary=workspaces.describe_workspace(workspace)))
    return EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    print(files.workspace_schema_text())
    return EXIT_OK


def run_analyze(args: argparse.Namespace) -> int:
    """Exit 0 when the gate passes, 1 when it fails, 2 when the input is not a valid workspace."""
    workspace = read_workspace(args.path)
    analysis = analysing.coupling_analysis(workspace, today=args.date)
    print(analysing.analysis_report(analysis, fmt=args.format, fail_on=args.fail_on))
    return EXIT_OK if analysing.gate_passes(analysis, fail_on=args.fail_on) else EXIT_GATE_FAILED


def judgement_day(text: str) -> dt.date:
    """--date YYYY-MM-DD: the day acceptances are checked against, so a pipeline's gate does not move with the
    day it runs."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(NOT_A_DATE.format(text=text)) from None


def add_date_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--date",
        type=judgement_day,
        metavar="YYYY-MM-DD",
        help="judge risk acceptances as on this day (default: today); also the date printed on PDFs",
    )


def run_readiness(args: argparse.Namespace) -> int:
    """Exit 0 when the workspace is ready for the phase, 1 when it is not, 2 when the input is not a workspace."""
    analysis = analysing.coupling_analysis(read_workspace(args.path), today=args.date, with_lever=False)
    phase = analysing.phase_to_judge(analysis, args.phase)
    print(analysing.readiness_report(analysis, phase, fmt=args.format), end="")
    return EXIT_OK if analysis.readiness.phase(phase).ready else EXIT_GATE_FAILED


def _write_output(output: Path | None, content: str) -> bool:
    """Writes `content` to `output`, or to standard output when there is none; False when it cannot."""
    if output is None:
        sys.stdout.write(content)
        return True
    try:
        output.write_text(content, encoding="utf-8")
    except OSError as error:
        print(CANNOT_WRITE.format(path=output, reason=error.strerror), file=sys.stderr)
        return False
    return True


def run_import(args: argparse.Namespace) -> int:
    """A Context Mapper (.cml) file as a workspace file; exit 2 with located errors, and nothing written."""
    result = files.read_cml_model(args.path)
    for warning in result.warnings:
        print(LOCATED_WARNING.format(path=args.path, warning=files.cml_problem_text(warning)), file=sys.stderr)
    left_out = files.cml_skipped_text(result)
    said = REFUSED_BLOCKS if args.strict else LOCATED_WARNING
    for line in left_out:  # never dropped silently; --strict refuses the import instead
        print(said.format(path=args.path, warning=line), file=sys.stderr)
    if left_out and args.strict:
        return EXIT_INVALID
    if not _write_output(args.output, files.workspace_json(result.workspace)):
        return EXIT_INVALID
    imported, summary = result.workspace, workspaces.describe_workspace(result.workspace)
    done = IMPORTED.format(path=args.path, name=imported.name, summary=summary, teams=len(imported.teams))
    print(done, file=sys.stderr if args.output is None else sys.stdout)
    return EXIT_OK


def run_export_cml(args: argparse.Namespace) -> int:
    """A workspace file as Context Mapper CML; exit 2 when the workspace is not valid."""
    workspace = read_workspace(args.path)
    return EXIT_OK if _write_output(args.output, files.cml_text(workspace)) else EXIT_INVALID


EXPORT_FORMATS = ("pdf", "report", "json", "svg", "png", "dot")
MAP_FORMATS = ("svg", "png", "dot")  # the context map


def _write_file(output: Path, content: bytes) -> int:
    try:
        output.write_bytes(content)
    except OSError as error:
        print(CANNOT_WRITE.format(path=output, reason=error.strerror), file=sys.stderr)
        return EXIT_INVALID
    print(WROTE.format(path=output, size=len(content)))
    return EXIT_OK


def _export_problem(args: argparse.Namespace) -> str | None:
    if args.format not in EXPORT_FORMATS:
        return NOT_AN_EXPORT_FORMAT.format(format=args.format, formats=", ".join(EXPORT_FORMATS))
    if args.format == "pdf" and not args.canvas:
        return PDF_NEEDS_CANVAS
    if args.format != "pdf" and (args.canvas or args.kind):
        return CANVAS_ONLY_FOR_PDF.format(format=args.format)
    return None


def _canvas_kind(workspace: Workspace, args: argparse.Namespace) -> str:
    if args.kind:
        return str(args.kind)
    kinds = downloads.find_canvas_kinds(workspace, args.canvas)
    if len(kinds) > 1:
        titles = [CANVASES[k].title for k in kinds]
        named = " and ".join((AN_TITLE if t[0] in "AEIOU" else A_TITLE).format(title=t) for t in titles)
        options = " or ".join(KIND_OPTION.format(kind=k) for k in kinds)
        raise CanvasNotFound(NAMES_TWO_KINDS.format(name=args.canvas, titles=named, options=options))
    if not kinds:
        names = [str(getattr(d, c.name_field)) for c in CANVASES.values() for d in getattr(workspace, c.collection)]
        listed = ", ".join(LISTED_CANVAS.format(name=n) for n in dict.fromkeys(names)) or NO_CANVASES
        raise CanvasNotFound(NO_CANVAS_NAMED.format(name=args.canvas, names=listed))
    return kinds[0]


def _exported(workspace: Workspace, args: argparse.Namespace) -> tuple[str, bytes]:
    if args.format == "json":
        return downloads.export_workspace(workspace)
    if args.format == "report":
        return downloads.export_workspace_report(
            workspace, page_size=args.page_size, version_label=args.version_label, printed_on=args.date
        )
    if args.format in MAP_FORMATS:
        return downloads.export_context_map(workspace, args.format)
    kind = _canvas_kind(workspace, args)
    return downloads.export_canvas_pdf(
        workspace, kind, args.canvas, page_size=args.page_size, version_label=args.version_label, printed_on=args.date
    )


def run_export(args: argparse.Namespace) -> int:
    """A canvas PDF, the workspace report or the workspace file; exit 2 with a located message on bad input."""
    problem = _export_problem(args)
    if problem:
        print(EXPORT_PROBLEM.format(problem=problem), file=sys.stderr)
        return EXIT_INVALID
    workspace = read_workspace(args.path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            name, content = _exported(workspace, args)
        except CanvasNotFound as error:
            print(LOCATED_ERROR.format(path=args.path, error=error), file=sys.stderr)
            return EXIT_INVALID
    for warning in caught:
        print(LOCATED_WARNING.format(path=args.path, warning=warning.message), file=sys.stderr)
    return _write_file(args.output or Path(name), content)


def run_diff(args: argparse.Namespace) -> int:
    """Two versions compared; exit 0, or 2 naming the file, workspace or version that cannot be read."""
    try:
        result = comparison.compare_sources(
            args.old, args.new, database=args.database, with_findings=not args.no_findings, today=args.date
        )
    except comparison.ComparisonInputError as error:  # main() reports an unreadable file
        print(error, file=sys.stderr)
        return EXIT_INVALID
    if args.format != "pdf":
        return EXIT_OK if _write_output(args.output, comparison.render_review(result, args.format)) else EXIT_INVALID
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        name, content = comparison.export_review(result, "pdf", page_size=args.page_size, printed_on=args.date)
    for warning in caught:
        print(DIFF_WARNING.format(warning=warning.message), file=sys.stderr)
    return _write_file(args.output or Path(name), content)


def _add_diff_command(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    sides = (
        "a workspace file, a .cml file, or a stored version WORKSPACE@VERSION (the workspace by id or name, "
        "the version by number, tag or 'latest'; without @: the newest version)"
    )
    compare = commands.add_parser("diff", help="what changed between two versions: canvases, map, findings, score")
    compare.add_argument("old", metavar="OLD", help=f"the older side: {sides}")
    compare.add_argument("new", metavar="NEW", help="the newer side, given the same way")
    compare.add_argument(
        "--format", choices=["text", "json", "md", "pdf"], default="text", help="md: Markdown; pdf: the review report"
    )
    compare.add_argument(
        "-o", "--output", type=Path, help="the file to write (default: standard output; pdf: a name here)"
    )
    compare.add_argument("--database", metavar="URL", help="where stored versions are (default: the app's database)")
    compare.add_argument("--no-findings", action="store_true", help="compare canvases and map only, without analysing")
    compare.add_argument("--page-size", choices=PAGE_SIZES, default="A4", help="for --format pdf (default A4)")
    add_date_option(compare)
    compare.set_defaults(run=run_diff)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cli.py", description="Architecture Canvas Workbench")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a workspace file; exit 2 with located errors")
    check.add_argument("path", type=Path)
    check.set_defaults(run=run_validate)
    commands.add_parser("schema", help="print the JSON Schema of the workspace file").set_defaults(run=run_schema)
    review = commands.add_parser("analyze", help="AI coupling findings, score and gate; exit 1 when the gate fails")
    review.add_argument("path", type=Path, help="a workspace file")
    review.add_argument("--format", choices=["text", "json"], default="text")
    review.add_argument(
        "--fail-on",
        choices=["error", "warning", "never"],
        default="error",
        help="what fails the gate (default: an unaccepted error)",
    )
    add_date_option(review)
    review.set_defaults(run=run_analyze)
    ready = commands.add_parser("readiness", help="what a phase still needs answered; exit 1 when not ready for it")
    ready.add_argument("path", type=Path, help="a workspace file")
    ready.add_argument("--phase", choices=["poc", "mvp", "product", "scaled"], help="default: the next phase")
    ready.add_argument("--format", choices=["text", "json"], default="text")
    add_date_option(ready)
    ready.set_defaults(run=run_readiness)
    cml_in = commands.add_parser("import", help="a Context Mapper .cml file as a workspace file; exit 2 with errors")
    cml_in.add_argument("path", type=Path, help="a .cml file")
    cml_in.add_argument("-o", "--output", type=Path, help="the workspace file to write (default: standard output)")
    cml_in.add_argument(
        "--strict", action="store_true", help="refuse a model with blocks the workbench leaves out (exit 2)"
    )
    cml_in.set_defaults(run=run_import)
    cml_out = commands.add_parser("export-cml", help="a workspace file as Context Mapper CML")
    cml_out.add_argument("path", type=Path, help="a workspace file")
    cml_out.add_argument("-o", "--output", type=Path, help="the .cml file to write (default: standard output)")
    cml_out.set_defaults(run=run_export_cml)
    _add_export_command(commands)
    cli_database.add_database_commands(commands)
    _add_diff_command(commands)
    return parser


def _add_export_command(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    out = commands.add_parser("export", help="a canvas PDF, the workspace report PDF or the workspace file")
    out.add_argument("path", type=Path, help="a workspace file")
    out.add_argument(
        "--format",
        required=True,
        help="pdf (one canvas), report (the whole workspace), json, or the context map as svg, png or dot",
    )
    out.add_argument("--canvas", metavar="NAME", help="for --format pdf: the canvas to print")
    out.add_argument("--kind", choices=list(CANVASES), help="the canvas kind, when a name is used by two kinds")
    out.add_argument("--page-size", choices=PAGE_SIZES, default="A3", help="landscape paper size (default A3)")
    out.add_argument("--version-label", help="printed in the footer, e.g. v12 or 'unsaved draft'")
    out.add_argument("-o", "--output", type=Path, help="the file to write (default: a name in this folder)")
    add_date_option(out)
    out.set_defaults(run=run_export)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except WorkspaceFileError as error:  # every command exits 2 on an input file it cannot read, naming the field
        print(error, file=sys.stderr)
        return EXIT_INVALID


if __name__ == "__main__":
    sys.exit(main())
