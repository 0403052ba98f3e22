"""Shared pydantic base: unknown keys are errors, so a typo in a file never disappears silently."""

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
