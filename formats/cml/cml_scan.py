"""The cheap first pass over a CML file: size, encoding, nesting depth and comments, before any parsing."""

import re

from formats.cml import cml_messages as text
from formats.cml.cml_model import At, CmlComment, CmlProblem
from formats.text_input import NotUtf8, decode_utf8
from formats.workspace_json.workspace_file import WorkspaceFileError
from models.workspace import Problem

# Real models are far smaller: the largest Context Mapper example is 23 KB and 1,600 tokens (about
# 13 bytes a token). Parsing takes 10-40 microseconds a token, so the token limit bounds the time
# (a few seconds at most) and the nesting limit keeps recursion far from Python's limit.
MAX_CML_BYTES = 1024 * 1024
MAX_CML_TOKENS = 50_000
MAX_NESTING = 40
# Larger input is refused before it is even decoded.
REFUSED_BYTES = 16 * MAX_CML_BYTES

# One pass over the tokens. Strings and comments may hold braces, so they are matched as wholes.
# Closing quotes and comment ends are optional: an unclosed one then runs to the end of the file in
# one match, where a required end would make the search retry from every later position (quadratic).
_SCANNED = re.compile(
    r"""
    "(?:[^"\\]|\\[\s\S])*"? | '(?:[^'\\]|\\[\s\S])*'?
    | //[^\r\n]* | /\*[\s\S]*?(?:\*/|\Z)
    | [A-Za-z0-9_^]+ | \S
    """,
    re.VERBOSE,
)


class CmlFileError(WorkspaceFileError):
    """A CML file that cannot be imported: names the file, and each problem's line and column."""

    def __init__(self, source: str, problems: list[CmlProblem]) -> None:
        self.cml_problems = sorted(problems, key=lambda p: (p.at.line, p.at.column))
        super().__init__(source, [Problem(describe_place(p.at), p.message) for p in self.cml_problems])


def describe_place(at: At) -> str:
    place = f"line {at.line}, column {at.column}" if at.line else ""
    return f"{at.file}, {place}" if at.file and place else place


def locate(text: str, offset: int) -> At:
    """Line and column of a character offset, counted as the parser counts them (LF ends a line)."""
    line_start = text.rfind("\n", 0, offset) + 1
    return At(text.count("\n", 0, offset) + 1, offset - line_start + 1)


def end_of(text: str) -> At:
    return locate(text, len(text))


def refuse_if_far_too_large(size: int, source: str) -> None:
    """CmlFileError for a file of `size` bytes past REFUSED_BYTES: said before a byte of it is read or decoded."""
    if size > REFUSED_BYTES:
        raise CmlFileError(source, [CmlProblem(At(0, 0), _too_large(size))])


def decode_cml(raw: bytes | str, source: str) -> str:
    """The text of a CML file, or CmlFileError when it is far too large or not UTF-8."""
    refuse_if_far_too_large(len(raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw), source)
    try:
        return decode_utf8(raw)
    except NotUtf8 as error:
        problem = CmlProblem(end_of(error.valid_prefix), text.NOT_UTF8.format(offset=error.offset))
        raise CmlFileError(source, [problem]) from None


def _too_large(size: int, message: str = text.TOO_LARGE) -> str:
    return message.format(size=size / (1024 * 1024), limit=MAX_CML_BYTES // (1024 * 1024))


def check_cml_limits(cml: str, source: str) -> tuple[list[CmlComment], At | None]:
    """Comments and the first unclosed brace (see scan_cml); CmlFileError past the size or nesting limit.

    Only the part within the size limit is scanned, so a huge file costs no more than the largest
    allowed one, and its error still points at a place: the first brace nested too deeply, or else
    the character where the file grows past the limit.
    """
    encoded = cml.encode("utf-8", "surrogatepass")
    within = len(encoded[:MAX_CML_BYTES].decode("utf-8", "ignore")) if len(encoded) > MAX_CML_BYTES else len(cml)
    comments, unclosed = scan_cml(cml[:within], source)
    if within < len(cml):
        raise CmlFileError(source, [CmlProblem(locate(cml, within), _too_large(len(encoded), text.PAST_SIZE_LIMIT))])
    return comments, unclosed


def scan_cml(cml: str, source: str) -> tuple[list[CmlComment], At | None]:
    """The comments of the file and the place of the innermost brace left open (None when all close).

    Raises CmlFileError at the first brace nested deeper than MAX_NESTING, or at the token past
    MAX_CML_TOKENS, before the parser sees any of it.
    """
    comments: list[CmlComment] = []
    open_braces: list[int] = []
    tokens = 0
    for match in _SCANNED.finditer(cml):
        token = match.group()
        if token[:2] in ("//", "/*"):
            comments.append(CmlComment(token, locate(cml, match.start()), match.start(), match.end()))
            continue
        tokens += 1
        if tokens > MAX_CML_TOKENS:
            raise _limit_error(cml, match.start(), source, text.TOO_MANY_TOKENS.format(limit=MAX_CML_TOKENS))
        if token == "{":
            open_braces.append(match.start())
            if len(open_braces) > MAX_NESTING:
                raise _limit_error(cml, match.start(), source, text.NESTED_TOO_DEEPLY.format(limit=MAX_NESTING))
        elif token == "}" and open_braces:
            open_braces.pop()
    return comments, locate(cml, open_braces[-1]) if open_braces else None


def _limit_error(cml: str, offset: int, source: str, message: str) -> CmlFileError:
    return CmlFileError(source, [CmlProblem(locate(cml, offset), message)])


def first_token_offset(cml: str, comments: list[CmlComment]) -> int:
    """Offset of the first character that is neither white space nor inside a comment."""
    position = 0
    for comment in comments:
        if cml[position : comment.start].strip():
            break
        position = comment.end
    while position < len(cml) and cml[position] in " \t\f\r\n":
        position += 1
    return position
