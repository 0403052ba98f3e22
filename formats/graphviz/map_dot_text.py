"""Escaping any text for Graphviz DOT: quoted attribute values and HTML-like labels."""

import html
import math
import re

# Graphviz reads HTML-like labels with an XML parser: control characters, lone surrogates and
# the two non-characters below would make the whole map unreadable, so they become U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# Graphviz replaces `\N`, `\G`, `\E`, `\T`, `\H`, `\L` in labels and tooltips with object names, even
# in HTML-like labels and when the backslash is escaped; a zero-width space between backslash and letter
# keeps the text as typed.
_HTML_BACKSLASH_LETTER = re.compile(r"\\(?=[A-Za-z])")
_BACKSLASH_LETTER = re.compile(r"\\\\(?=[A-Za-z])")


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _NOT_XML.sub("\ufffd", text)


def html_text(text: str) -> str:
    """`text` for the inside of an HTML-like label (`label=<...>`): markup escaped, line breaks as <BR/>."""
    escaped = _clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    # Graphviz's HTML lexer rejects a text that starts with "]" (e.g. a context named "]"), so it is a reference.
    escaped = escaped.replace("]", "&#93;")
    return "<BR/>".join(_HTML_BACKSLASH_LETTER.sub("\\\\\u200b", escaped).split("\n"))


def quoted(text: str) -> str:
    """`text` as a DOT double-quoted string that Graphviz shows literally, in any attribute."""
    body = _clean(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + _BACKSLASH_LETTER.sub("\\\\\\\\\u200b", body) + '"'


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:g}" if math.isfinite(value) else "0"
    return quoted(str(value))


def attributes(attrs: dict[str, object]) -> str:
    """`key="value"` pairs separated by spaces; numbers stay bare."""
    return " ".join(f"{key}={_value(value)}" for key, value in attrs.items())


_TAG = re.compile(r"<[^<>]*>")
_LINE_BREAK = re.compile(r"<BR/>|</TR>", re.IGNORECASE)


def _html_label_end(source: str, start: int) -> int:
    """The index just past the `>` that closes the HTML-like label opening at `start` (its `<`)."""
    depth = 0
    for i in range(start, len(source)):
        depth += {"<": 1, ">": -1}.get(source[i], 0)
        if depth == 0:
            return i + 1
    raise ValueError("unbalanced HTML-like label")


def _html_label_starts(source: str) -> list[int]:
    """Where `label=<` opens an HTML-like label, skipping text inside quoted strings."""
    starts, quoted_text, i = [], False, 0
    while i < len(source):
        char = source[i]
        if quoted_text and char == "\\":
            i += 1  # the escaped character cannot end the string
        elif char == '"':
            quoted_text = not quoted_text
        elif not quoted_text and source.startswith("label=<", i):
            starts.append(i)
            i = _html_label_end(source, i + 6) - 1
        i += 1
    return starts


def html_labels_as_text(source: str) -> str:
    """The DOT source with every HTML-like label turned into a plain quoted label (same text, no styling).

    For Graphviz builds without an XML parser (the WebAssembly build on PyPI), which would show node IDs.
    """
    parts, position = [], 0
    for found in _html_label_starts(source):
        end = _html_label_end(source, found + 6)
        inner = source[found + 7 : end - 1]
        text = html.unescape(_TAG.sub("", _LINE_BREAK.sub("\n", inner).replace("</TD>", "  ")))
        lines = [line.strip() for line in text.split("\n")]
        parts += [source[position:found], "label=", quoted("\n".join(line for line in lines if line))]
        position = end
    return "".join([*parts, source[position:]])
