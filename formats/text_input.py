"""Decoding an uploaded or read file as UTF-8 text, with or without a byte order mark."""

BOM = "\ufeff"


class NotUtf8(ValueError):
    """The input is not UTF-8; `offset` counts bytes in the original input, `valid_prefix` is the text before."""

    def __init__(self, offset: int, valid_prefix: str) -> None:
        super().__init__(f"not UTF-8 at byte {offset}")
        self.offset = offset
        self.valid_prefix = valid_prefix


def decode_utf8(raw: bytes | str) -> str:
    """The text of `raw` without a leading byte order mark; NotUtf8 where a byte is not UTF-8."""
    if isinstance(raw, str):
        return raw.removeprefix(BOM)
    body = raw.removeprefix(BOM.encode("utf-8"))
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start + len(raw) - len(body)
        raise NotUtf8(offset, body[: error.start].decode("utf-8")) from None
