"""Files the app and the command line hand out: a file name and the bytes of a workspace file, CML, PDF or map."""

import datetime as dt
import warnings

from analysis.engine import Analysis, analyze_workspace
from canvases import CANVASES
from formats.cml.cml_writer import export_cml
from formats.graphviz.context_map_dot import render_context_map_dot
from formats.graphviz.map_render import MapFormat, MapRenderError, render_map_image
from formats.pdf.pdf_canvas import CanvasNotFound, render_canvas_pdf
from formats.pdf.pdf_findings import findings_section
from formats.pdf.pdf_geometry import PAGE_SIZES, PageSize
from formats.pdf.pdf_readiness import readiness_section
from formats.pdf.pdf_report import MapWarning, ProgressCallback, render_workspace_report
from formats.workspace_json.workspace_file import dump_workspace_json
from models.workspace import Workspace
from services import service_messages

__all__ = [  # the paper sizes and the errors come from here too, for the app and the command line
    "PAGE_SIZES",
    "CanvasNotFound",
    "MapFormat",
    "PageSize",
    "ProgressCallback",
    "export_canvas_pdf",
    "export_cml_workspace",
    "export_context_map",
    "export_workspace",
    "export_workspace_report",
    "file_stem",
    "find_canvas_kinds",
    "map_svg_for_report",
]


def export_workspace(workspace: Workspace) -> tuple[str, bytes]:
    """A file name and the workspace file's bytes."""
    return f"{file_stem(workspace.name)}.workspace.json", dump_workspace_json(workspace).encode("utf-8")


def export_cml_workspace(workspace: Workspace) -> tuple[str, bytes]:
    """A file name and the Context Mapper (CML) text of the workspace."""
    return f"{file_stem(workspace.name)}.cml", export_cml(workspace).encode("utf-8")


def file_stem(*names: str, fallback: str = "workspace") -> str:
    """A safe file name part from names: letters, digits, '-' and '_' only."""
    return "-".join(
        "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in n).strip("-") or fallback for n in names
    )


def find_canvas_kinds(workspace: Workspace, name: str) -> list[str]:
    """The kinds of canvas called `name`: a context's Bounded Context Canvas and its API product share a name."""
    return [
        key
        for key, c in CANVASES.items()
        if any(getattr(d, c.name_field) == name for d in getattr(workspace, c.collection))
    ]


def export_canvas_pdf(
    workspace: Workspace,
    canvas_key: str,
    name: str,
    *,
    page_size: PageSize = "A3",
    version_label: str | None = None,
    printed_on: dt.date | None = None,
) -> tuple[str, bytes]:
    """A file name and the print-ready PDF of one canvas; raises CanvasNotFound. Font problems are warnings."""
    pdf = render_canvas_pdf(
        workspace, canvas_key, name, page_size=page_size, version_label=version_label, printed_on=printed_on
    )
    return f"{file_stem(name, CANVASES[canvas_key].title, fallback='canvas')}-{page_size}.pdf", pdf


def export_context_map(workspace: Workspace, fmt: MapFormat) -> tuple[str, bytes]:
    """A file name and the whole context map as DOT, SVG or PNG, with its findings marked."""
    dot = render_context_map_dot(analyze_workspace(workspace, lever=False))
    content = dot.encode("utf-8") if fmt == "dot" else render_map_image(dot, fmt)
    return f"{file_stem(workspace.name, fallback='canvas')}-context-map.{fmt}", content


def export_workspace_report(
    workspace: Workspace,
    *,
    page_size: PageSize = "A3",
    version_label: str | None = None,
    printed_on: dt.date | None = None,
    with_analysis: bool = True,
    on_progress: ProgressCallback | None = None,
) -> tuple[str, bytes]:
    """A file name and the workspace report PDF, with the context map and the findings unless told otherwise."""
    analysis = analyze_workspace(workspace, today=printed_on) if with_analysis else None
    map_svg = map_svg_for_report(analysis) if analysis else None
    findings = findings_section(analysis) if analysis else None
    pdf = render_workspace_report(
        workspace,
        page_size=page_size,
        version_label=version_label,
        printed_on=printed_on,
        map_svg=map_svg,
        findings_section=findings,
        readiness=readiness_section(analysis.readiness) if analysis else None,
        on_progress=on_progress,
    )
    return f"{file_stem(workspace.name, fallback='canvas')}-report-{page_size}.pdf", pdf


def map_svg_for_report(analysis: Analysis) -> bytes | None:
    """The whole context map as SVG, or None (with a warning) where no Graphviz renderer is installed."""
    try:
        return render_map_image(render_context_map_dot(analysis), "svg")
    except MapRenderError as error:
        warnings.warn(service_messages.REPORT_WITHOUT_MAP.format(reason=error), MapWarning, stacklevel=2)
        return None
