"""Shared pydantic base: unknown keys are errors, so a typo in a file never disappears silently."""

from pydantic import BaseModel, ConfigDict


class StrictModel(BaseModel):
    """Base for every domain type: forbids unknown keys and re-validates on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=False)


def is_blank(text: str) -> bool:
    """True when a name or text holds nothing but whitespace."""
    return not text.strip()
