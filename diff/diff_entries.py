"""Pairs the entries of two lists by identity, so a reorder is no change and an evident rename is a rename."""

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from diff.diff_words import name_similarity, overlap

T = TypeVar("T")
Identity = tuple[str, ...]
Keyed = tuple[Identity, int]  # identity and occurrence
# Beyond this many (removed x added) candidates only exact look-alikes are paired, so a diff of two
# unrelated 1,000-context workspaces stays linear instead of comparing a million pairs.
MAX_FUZZY_PAIRS = 40_000
RENAME_NAME_SIMILARITY = 0.8
RENAME_CONTENT_OVERLAP = 0.8
RENAME_CONTENT_WITH_NAME = 0.5


@dataclass(frozen=True)
class Pairing:
    """Where each entry went: index in the old list, in the new list (None where the side lacks it)."""

    old: int | None
    new: int | None
    identity: Identity  # as in the old list, or the new one for an added entry
    occurrence: int
    renamed: bool = False  # paired although the identities differ


def keyed(entries: Sequence[T], identity: Callable[[T], Identity]) -> list[Keyed]:
    """Each entry's identity with its occurrence: the second "Price" term is ("Price",), 1."""
    seen: dict[Identity, int] = {}
    result = []
    for entry in entries:
        key = identity(entry)
        seen[key] = seen.get(key, -1) + 1
        result.append((key, seen[key]))
    return result


def pair_entries(
    old: Sequence[T],
    new: Sequence[T],
    identity: Callable[[T], Identity],
    *,
    score: Callable[[T, T], float | None] | None = None,
    signature: Callable[[T], Hashable] | None = None,
    forced: Mapping[Identity, Identity] | None = None,
) -> list[Pairing]:
    """Entries paired by identity, then by `forced` renames, then by `score` (None: not evidently the same).

    The result follows the new list's order; removed entries follow, in the old list's order.
    """
    old_keys, new_keys = keyed(old, identity), keyed(new, identity)
    new_index = {key: i for i, key in enumerate(new_keys)}
    to_new = _by_identity(old, new, old_keys, new_keys)
    renamed: set[int] = set()
    taken = set(to_new.values())
    for i, (identity_of_old, occurrence) in enumerate(old_keys):
        target = (forced or {}).get(identity_of_old)
        j = new_index.get((target, occurrence)) if target is not None else None
        if i not in to_new and j is not None and j not in taken:
            to_new[i] = j
            renamed.add(i)
            taken.add(j)
    if score is not None:
        left = [i for i in range(len(old)) if i not in to_new]
        right = [j for j in range(len(new)) if j not in taken]
        for i, j in evident_pairs(left, right, lambda i, j: score(old[i], new[j]), _signatures(signature, old, new)):
            to_new[i] = j
            renamed.add(i)
    return _ordered(old_keys, new_keys, to_new, renamed)


def _by_identity(old: Sequence[T], new: Sequence[T], old_keys: list[Keyed], new_keys: list[Keyed]) -> dict[int, int]:
    """Old index -> new index for entries of the same identity. Where an identity repeats (two terms "Price"),
    equal entries pair first and the rest in order, so reordering repeated entries changes nothing."""
    groups: dict[Identity, tuple[list[int], list[int]]] = {}
    for i, (key, _) in enumerate(old_keys):
        groups.setdefault(key, ([], []))[0].append(i)
    for j, (key, _) in enumerate(new_keys):
        groups.setdefault(key, ([], []))[1].append(j)
    to_new: dict[int, int] = {}
    for olds, news in groups.values():
        if len(olds) > 1 or len(news) > 1:
            for i in olds:
                equal = next((j for j in news if old[i] == new[j]), None)
                if equal is not None:
                    to_new[i] = equal
                    news = [j for j in news if j != equal]
            olds = [i for i in olds if i not in to_new]
        to_new.update(zip(olds, news, strict=False))
    return to_new


def _signatures(
    signature: Callable[[T], Hashable] | None, old: Sequence[T], new: Sequence[T]
) -> tuple[Callable[[int], Hashable], Callable[[int], Hashable]] | None:
    if signature is None:
        return None
    return (lambda i: signature(old[i])), (lambda j: signature(new[j]))


def _ordered(old_keys: list[Keyed], new_keys: list[Keyed], to_new: dict[int, int], renamed: set[int]) -> list[Pairing]:
    from_new = {j: i for i, j in to_new.items()}
    result = []
    for j, (key, occurrence) in enumerate(new_keys):
        i = from_new.get(j)
        if i is None:
            result.append(Pairing(None, j, key, occurrence))
        else:
            result.append(Pairing(i, j, old_keys[i][0], old_keys[i][1], renamed=i in renamed))
    result += [Pairing(i, None, key, occ) for i, (key, occ) in enumerate(old_keys) if i not in to_new]
    return result


def evident_pairs(
    left: list[int],
    right: list[int],
    score: Callable[[int, int], float | None],
    signatures: tuple[Callable[[int], Hashable], Callable[[int], Hashable]] | None = None,
) -> list[tuple[int, int]]:
    """One-to-one pairs, best score first; above MAX_FUZZY_PAIRS only pairs with equal signatures."""
    if not left or not right:
        return []
    if len(left) * len(right) > MAX_FUZZY_PAIRS:
        if signatures is None:
            return []
        buckets: dict[Hashable, list[int]] = {}
        for j in right:
            buckets.setdefault(signatures[1](j), []).append(j)
        candidates = [(i, j) for i in left for j in buckets.get(signatures[0](i), [])]
    else:
        candidates = [(i, j) for i in left for j in right]
    scored = [(s, i, j) for i, j in candidates if (s := score(i, j)) is not None]
    scored.sort(key=lambda sij: (-sij[0], sij[1], sij[2]))
    pairs, used_left, used_right = [], set(), set()
    for _, i, j in scored:
        if i not in used_left and j not in used_right:
            pairs.append((i, j))
            used_left.add(i)
            used_right.add(j)
    return pairs


def _informative(tokens: frozenset[str]) -> bool:
    """Enough filled in to recognise an entry by it: two values, or one text of three words or more."""
    return len(tokens) >= 2 or any(len(t.partition("=")[2].split()) >= 3 for t in tokens)


def rename_score(old_name: str, new_name: str, old_rest: frozenset[str], new_rest: frozenset[str]) -> float | None:
    """How evidently a removed and an added entry are one renamed entry; None when not evident.

    Evident: nearly the same content (and enough of it to tell), or a near-identical name and much of the content.
    """
    content = overlap(old_rest, new_rest)
    if content < RENAME_CONTENT_WITH_NAME:  # too different either way; spares the costly name comparison
        return None
    names = name_similarity(old_name, new_name)
    if content >= RENAME_CONTENT_OVERLAP and _informative(old_rest) and _informative(new_rest):
        return content + names
    if names >= RENAME_NAME_SIMILARITY:
        return content + names
    return None
