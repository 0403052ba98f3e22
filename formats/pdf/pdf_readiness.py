"""The report's delivery-readiness part: the phase table and the open items of the next phase."""

from dataclasses import dataclass

from reportlab.platypus import Flowable, Spacer

from analysis.readiness import PHASES, ReadinessReport
from analysis.readiness_texts import PHASE_TITLES
from formats.pdf.pdf_tables import record_table
from formats.pdf.pdf_text import MUTED, PLAIN, Look, Typesetter

BLOCKING_FILL = "#ffe3e3"


@dataclass(frozen=True)
class ReadinessSection:
    """Worded from the readiness analysis; the report only lays it out."""

    intro: str
    phase_rows: tuple[tuple[str, str, str], ...]  # phase, answered of required, ready
    open_rows: tuple[tuple[str, str, str, str], ...]  # rule, title, gaps, remedy
    blocking: tuple[bool, ...]  # per open row: whether it holds the phase back
    title: str = "Delivery readiness"


def readiness_section(report: ReadinessReport) -> ReadinessSection:
    judged = report.next_phase or report.current
    wanted = report.phase(judged)
    intro = (
        f"Current phase: {PHASE_TITLES[report.current.value]}. "
        f"{PHASE_TITLES[judged.value]}: {'ready' if wanted.ready else 'not ready'}; "
        f"{wanted.answered} of {len(wanted.items)} concerns answered."
    )
    phase_rows = tuple(
        (
            PHASE_TITLES[p.value] + (" (current)" if p is report.current else ""),
            f"{report.phase(p).answered} of {len(report.phase(p).items)}",
            "ready" if report.phase(p).ready else "not ready",
        )
        for p in PHASES
    )
    open_items = [i for i in wanted.items if not i.answered]
    open_rows = tuple((i.rule, i.title, "; ".join(i.gaps), i.remedy) for i in open_items)
    return ReadinessSection(intro, phase_rows, open_rows, tuple(i.blocking for i in open_items))


def readiness_story(ts: Typesetter, section: ReadinessSection, size: float) -> list[Flowable]:
    story: list[Flowable] = [
        ts.paragraph(section.intro, size * 1.15, PLAIN),
        Spacer(0, size),
        record_table(ts, ["Phase", "Answered", "Gate"], section.phase_rows, [1.5, 1.5, 1.5], size),
        Spacer(0, size),
    ]
    if not section.open_rows:
        return [*story, ts.paragraph("Nothing open for the next phase.", size, Look(colour=MUTED))]
    fills = [BLOCKING_FILL if blocking else None for blocking in section.blocking]
    headers = ["Rule", "Concern", "What is missing", "Remedy"]
    return [*story, record_table(ts, headers, section.open_rows, [0.8, 2.6, 3.6, 3.4], size, fills)]
