"""User text inside st.markdown, shown exactly as typed: no Markdown, no HTML, no directives, no formulas.

Needed only where user text must sit in formatted text (highlighted word changes); elsewhere plain-text
elements (st.text, st.code, table cells) show it.
"""

import re

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping them all also
# disarms Streamlit's own syntax: `:red[...]` directives and `$` formulas.
_PUNCTUATION = re.compile(r"""([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")
# Streamlit turns `:name:` into an emoji after Markdown has resolved the escapes, so escaping cannot
# stop it; an invisible word joiner (U+2060) after the opening colon keeps the name from matching.
_EMOJI_CODE = re.compile(r":(?=[\w+-]+:)")
WORD_JOINER = "\u2060"


def literal(text: str) -> str:
    """`text` for st.markdown; line breaks stay line breaks."""
    escaped = _PUNCTUATION.sub(r"\\\1", _EMOJI_CODE.sub(":" + WORD_JOINER, text))
    return "  \n".join(escaped.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
