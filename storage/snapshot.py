"""Content-addressed snapshots: a workspace split into canonical-JSON blobs keyed by their SHA-256.

Each canvas, relationship, team, ... is one blob, so a version that changes one field adds one
small blob plus the short lists that point at it; everything unchanged is shared with the parent.
"""

import hashlib
import json
import zlib
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from storage import storage_messages

COLLECTIONS = (
    "teams",
    "external_systems",
    "bounded_contexts",
    "architecture_canvases",
    "api_products",
    "relationships",
    "accepted_risks",
)
# Items per list chunk: small enough that one change rewrites little, large enough to keep the root short.
CHUNK = 16

BlobReader = Callable[[Collection[str]], dict[str, bytes]]


class CorruptBlob(ValueError):
    """A stored blob is missing or does not match its hash."""


@dataclass(frozen=True)
class Snapshot:
    content_hash: str  # the hash of the root blob: equal content, equal hash
    blobs: dict[str, bytes]  # every blob the snapshot needs, compressed, keyed by hash


def canonical_json(value: object) -> bytes:
    """One byte string per value: sorted keys, no spaces, ASCII escapes (so any text, even a lone surrogate, fits)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False).encode()


def _add(blobs: dict[str, bytes], value: object) -> str:
    raw = canonical_json(value)
    digest = hashlib.sha256(raw).hexdigest()
    if digest not in blobs:
        blobs[digest] = zlib.compress(raw, 6)
    return digest


def take_snapshot(data: dict[str, Any]) -> Snapshot:
    """The blobs of workspace data (`Workspace.model_dump(mode="json")`) and its content hash."""
    blobs: dict[str, bytes] = {}
    head = {key: value for key, value in data.items() if key not in COLLECTIONS}
    lists: dict[str, list[str]] = {}
    for name in COLLECTIONS:
        hashes = [_add(blobs, item) for item in data.get(name, [])]
        lists[name] = [_add(blobs, hashes[i : i + CHUNK]) for i in range(0, len(hashes), CHUNK)]
    root = _add(blobs, {"head": _add(blobs, head), "lists": lists})
    return Snapshot(root, blobs)


def decode_blob(digest: str, stored: bytes | None) -> Any:
    if stored is None:
        raise CorruptBlob(storage_messages.BLOB_MISSING.format(digest=digest[:12]))
    try:
        raw = zlib.decompress(stored)
    except zlib.error as error:
        raise CorruptBlob(storage_messages.BLOB_UNREADABLE.format(digest=digest[:12], reason=error)) from None
    if hashlib.sha256(raw).hexdigest() != digest:
        raise CorruptBlob(storage_messages.BLOB_HASH_MISMATCH.format(digest=digest[:12]))
    return json.loads(raw)


def _read(read: BlobReader, hashes: list[str]) -> dict[str, Any]:
    wanted = list(dict.fromkeys(hashes))
    stored = read(wanted)
    return {h: decode_blob(h, stored.get(h)) for h in wanted}


def assemble_snapshot(content_hash: str, read: BlobReader) -> dict[str, Any]:
    """Workspace data from its blobs, read level by level so each level is one batched read."""
    root = _read(read, [content_hash])[content_hash]
    chunk_hashes = [h for name in COLLECTIONS for h in root["lists"].get(name, [])]
    chunks = _read(read, chunk_hashes)
    item_hashes = [h for c in chunk_hashes for h in chunks[c]]
    items = _read(read, [root["head"], *item_hashes])
    data: dict[str, Any] = dict(items[root["head"]])
    for name in COLLECTIONS:
        data[name] = [items[h] for c in root["lists"].get(name, []) for h in chunks[c]]
    return data


def referenced_blobs(content_hash: str, read: BlobReader) -> set[str]:
    """Every blob a snapshot uses, reading only the root and the list chunks."""
    root = _read(read, [content_hash])[content_hash]
    chunk_hashes = [h for name in COLLECTIONS for h in root["lists"].get(name, [])]
    chunks = _read(read, chunk_hashes)
    return {content_hash, root["head"], *chunk_hashes, *(h for c in chunk_hashes for h in chunks[c])}
