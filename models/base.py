"""Shared pydantic base: unknown keys are errors, so a typo in a file never disappears silently."""

import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict

from models import messages


class StrictModel(BaseModel):
    """Base for every domain type: forbids unknown keys and re-validates on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=False)


def is_blank(text: str) -> bool:
    """True when a name or text holds nothing but whitespace."""
    return not text.strip()


def _require_text(value: str) -> str:
    if is_blank(value):
        raise ValueError(messages.REQUIRED_TEXT)
    return value


# The identifying text of a list entry (a term, a message, a metric): an entry without it is a mistake.
RequiredText = Annotated[str, AfterValidator(_require_text)]


def _no_control_characters(value: str) -> str:
    """Names end up in terminals, file names, CML and PDFs: a NUL or an ANSI escape in one is refused, naming it."""
    for position, char in enumerate(value, start=1):
        if unicodedata.category(char) == "Cc":
            raise ValueError(messages.CONTROL_CHARACTER.format(code=f"U+{ord(char):04X}", position=position))
    return value


# A name that identifies something (a context, a team, a system) or refers to one: no control characters,
# not even tab or newline, which only long texts may hold.
Name = Annotated[str, AfterValidator(_no_control_characters)]
