"""The whole history in one file (gzip-compressed JSON lines), to back up or to move between databases."""

import base64
import datetime as dt
import gzip
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from storage import storage_messages
from storage.repository import HistoryRecord, ReviewKind, ReviewNote, VersionInfo, WorkspaceRepository
from storage.snapshot import CorruptBlob, decode_blob

FORMAT = "architecture-canvas-workbench-history"
FORMAT_VERSION = 2  # 2 added the review notes; files of version 1 (without them) still read
READABLE_VERSIONS = (1, 2)


class BackupInvalid(ValueError):
    """A file that is not a readable workbench backup; the message names the file and the line."""


def _record_line(record: HistoryRecord) -> str:
    info = record.version
    version = {**info.__dict__, "created_at": info.created_at.isoformat(), "tags": list(info.tags)}
    encoded = {h: base64.b64encode(b).decode("ascii") for h, b in sorted(record.blobs.items())}
    notes = [{**n.__dict__, "kind": n.kind.value, "created_at": n.created_at.isoformat()} for n in record.reviews]
    return json.dumps({"version": version, "blobs": encoded, "reviews": notes}, ensure_ascii=True, sort_keys=True)


def write_backup(records: Iterable[HistoryRecord], path: Path) -> int:
    """Writes every record to `path` (whole or not at all); returns how many versions."""
    temporary = path.with_name(path.name + ".partial")
    count = 0
    try:
        with gzip.open(temporary, "wt", encoding="ascii") as stream:
            stream.write(json.dumps({"format": FORMAT, "version": FORMAT_VERSION}) + "\n")
            for record in records:
                stream.write(_record_line(record) + "\n")
                count += 1
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return count


def _version(raw: dict[str, Any]) -> VersionInfo:
    created = dt.datetime.fromisoformat(raw["created_at"])
    fields = {**raw, "created_at": created, "tags": tuple(raw["tags"])}
    return VersionInfo(**fields)


def _review(raw: dict[str, Any]) -> ReviewNote:
    return ReviewNote(
        **{**raw, "kind": ReviewKind(raw["kind"]), "created_at": dt.datetime.fromisoformat(raw["created_at"])}
    )


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        with gzip.open(path, "rt", encoding="ascii") as stream:
            yield from enumerate(stream, start=1)
    except (OSError, EOFError, UnicodeDecodeError, zlib.error) as error:
        raise BackupInvalid(storage_messages.BACKUP_UNREADABLE.format(path=path, reason=error)) from None


def read_backup(path: Path) -> Iterator[HistoryRecord]:
    """The records of a backup file, checked line by line; BackupInvalid names the line that is wrong."""
    number = 0
    for number, line in _lines(path):
        try:
            data = json.loads(line)
            if number == 1:
                if data.get("format") != FORMAT or data.get("version") not in READABLE_VERSIONS:
                    versions = " or ".join(map(str, READABLE_VERSIONS))
                    raise BackupInvalid(
                        storage_messages.BACKUP_WRONG_FORMAT.format(path=path, format=FORMAT, versions=versions)
                    )
                continue
            blobs = {h: base64.b64decode(b, validate=True) for h, b in data["blobs"].items()}
            for digest, blob in blobs.items():
                decode_blob(digest, blob)
            notes = tuple(_review(raw) for raw in data.get("reviews", []))
            yield HistoryRecord(_version(data["version"]), blobs, notes)
        except BackupInvalid:
            raise
        except CorruptBlob as error:
            raise BackupInvalid(
                storage_messages.BACKUP_LINE_DAMAGED.format(path=path, number=number, reason=error)
            ) from None
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise BackupInvalid(
                storage_messages.BACKUP_LINE_NOT_A_RECORD.format(path=path, number=number, reason=error)
            ) from None
    if number == 0:
        raise BackupInvalid(storage_messages.BACKUP_EMPTY.format(path=path))


def back_up(repo: WorkspaceRepository, path: Path) -> int:
    return write_backup(repo.iter_history(), path)


def restore(repo: WorkspaceRepository, path: Path) -> int:
    return repo.restore_history(read_backup(path))
