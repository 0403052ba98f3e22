"""Parses CML text into a CmlDocument, or fails with the line, column and expectation of each problem."""

import functools
from pathlib import Path

from lark import Lark, Token, UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from lark.lexer import PatternStr

from formats.cml import cml_messages as text
from formats.cml.cml_model import At, CmlDocument, CmlProblem
from formats.cml.cml_scan import CmlFileError, check_cml_limits, decode_cml, end_of, first_token_offset
from formats.cml.cml_tree import CmlTreeReader

GRAMMAR = Path(__file__).with_name("cml_grammar.lark")
_DESCRIBED = {"ID": text.EXPECTED_NAME, "STRING": text.EXPECTED_STRING, "NUMBER": text.EXPECTED_NUMBER}
_MOST_LISTED = 14


@functools.cache
def cml_parser() -> Lark:
    """The LALR parser, built once (about 0.2 s) and reused: parsing keeps no state in it."""
    return Lark(
        GRAMMAR.read_text(encoding="utf-8"),
        parser="lalr",
        lexer="basic",
        propagate_positions=True,
        maybe_placeholders=False,
    )


def parse_cml(raw: bytes | str, source: str) -> CmlDocument:
    """The CML model in `raw`; CmlFileError naming `source` when it is too large, too deep or not CML."""
    cml = decode_cml(raw, source)
    comments, unclosed = check_cml_limits(cml, source)
    try:
        tree = cml_parser().parse(cml)
    except UnexpectedInput as error:
        raise CmlFileError(source, [_syntax_problem(error, cml, unclosed)]) from None
    reader = CmlTreeReader()
    document: CmlDocument = reader.transform(tree)
    first = first_token_offset(cml, comments)
    return CmlDocument(
        maps=document.maps,
        contexts=document.contexts,
        domains=document.domains,
        imports=document.imports,
        skipped=document.skipped,
        comments=tuple(comments),
        first_token=first,
        names=tuple(reader.names),
    )


# --- syntax errors --------------------------------------------------------------------------------


def _syntax_problem(error: UnexpectedInput, cml: str, unclosed: At | None) -> CmlProblem:
    at = At(error.line, error.column)
    if isinstance(error, UnexpectedCharacters):
        position = error.pos_in_stream or 0
        char = cml[position]
        if char in "\"'":
            return CmlProblem(at, text.UNCLOSED_STRING.format(quote=char))
        if cml.startswith("/*", position):
            return CmlProblem(at, text.UNCLOSED_COMMENT)
        return CmlProblem(at, text.UNEXPECTED_CHARACTER.format(char=char))
    assert isinstance(error, UnexpectedToken)
    expected = _describe_expected(error.expected)
    token = error.token
    if token.type == "$END":
        message = text.UNEXPECTED_END.format(expected=expected)
        if unclosed is not None:
            message += text.UNCLOSED_BLOCK.format(line=unclosed.line, column=unclosed.column)
        return CmlProblem(end_of(cml), message)
    if "ID" in error.expected and _is_keyword(token.type):
        return CmlProblem(at, text.KEYWORD_FOR_NAME.format(word=token.value))
    return CmlProblem(at, text.UNEXPECTED_TOKEN.format(expected=expected, found=_describe_token(token)))


def _is_keyword(terminal: str) -> bool:
    pattern = cml_parser().get_terminal(terminal).pattern
    return isinstance(pattern, PatternStr) and pattern.value[:1].isalpha()


def _describe_terminal(terminal: str) -> str:
    if terminal in _DESCRIBED:
        return _DESCRIBED[terminal]
    if terminal == "$END":
        return text.FOUND_END
    pattern = cml_parser().get_terminal(terminal).pattern
    return f"'{pattern.value}'" if isinstance(pattern, PatternStr) else text.EXPECTED_OTHER


def _describe_expected(terminals: set[str]) -> str:
    # Symbols first (a missing '}' is the likeliest fix), then names and strings, then keywords.
    described = sorted({_describe_terminal(t) for t in terminals}, key=_listing_order)
    if len(described) == 1:
        return described[0]
    shown = described[:_MOST_LISTED] + (["…"] if len(described) > _MOST_LISTED else [])
    return text.ONE_OF.format(items=", ".join(shown))


def _listing_order(described: str) -> tuple[int, str]:
    quoted = described.startswith("'")
    return (0 if quoted and not described[1].isalpha() else 2 if quoted else 1), described.lower()


def _describe_token(token: Token) -> str:
    return f"'{token.value}'" if len(token.value) <= 40 else f"'{token.value[:40]}…'"
