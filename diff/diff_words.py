"""Word-level changes of long texts, and the similarity measures that decide what counts as a rename."""

import re
from collections.abc import Iterator, Mapping
from difflib import SequenceMatcher
from typing import Literal

from diff.diff_model import WordOp

# Words, runs of white space and single punctuation marks: "risk." -> "risks." changes one word, not two.
TOKENS = re.compile(r"\w+|\s+|[^\w\s]")
LONG_TEXT_CHARS = 60  # a text this long gets word-level changes even where the field is a one-liner


def tokens_of(text: str) -> list[str]:
    return TOKENS.findall(text)


def word_ops(old: str, new: str) -> tuple[WordOp, ...]:
    """The runs of words kept, deleted and inserted between two texts; adjacent runs of one kind merged."""
    before, after = tokens_of(old), tokens_of(new)
    ops: list[WordOp] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            _append(ops, "equal", "".join(before[i1:i2]))
            continue
        if i2 > i1:
            _append(ops, "delete", "".join(before[i1:i2]))
        if j2 > j1:
            _append(ops, "insert", "".join(after[j1:j2]))
    return tuple(ops)


def _append(ops: list[WordOp], op: Literal["equal", "delete", "insert"], text: str) -> None:
    if ops and ops[-1].op == op:
        ops[-1] = WordOp(op, ops[-1].text + text)
    else:
        ops.append(WordOp(op, text))


def text_similarity(old: str, new: str) -> float:
    """0..1: how much of two texts is the same, word by word (1.0 for two empty texts)."""
    if old == new:
        return 1.0
    # White space is left out: it would make any two sentences look half alike.
    before = [t for t in tokens_of(old.casefold()) if not t.isspace()]
    after = [t for t in tokens_of(new.casefold()) if not t.isspace()]
    return SequenceMatcher(None, before, after, autojunk=False).ratio()


def name_similarity(old: str, new: str) -> float:
    """0..1: how alike two names are, character by character, ignoring case ("Valuation" ~ "Valuations")."""
    return SequenceMatcher(None, old.casefold(), new.casefold(), autojunk=False).ratio()


def is_blank_value(value: object) -> bool:
    """Nothing filled in: empty texts and lists, unset choices, unticked boxes, the 'none' of AI kind."""
    return value is None or value is False or value in ("", "none") or value == [] or value == {}


def content_tokens(value: object, prefix: str = "") -> Iterator[str]:
    """`path=value` for every filled-in leaf, so two entries can be compared by what they hold."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from content_tokens(item, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(value, list):
        for item in value:
            yield from content_tokens(item, prefix)
    elif not is_blank_value(value):
        yield f"{prefix}={value}"


def overlap(old: frozenset[str], new: frozenset[str]) -> float:
    """Jaccard similarity of two token sets; two empty sets are alike."""
    if not old and not new:
        return 1.0
    return len(old & new) / len(old | new)
