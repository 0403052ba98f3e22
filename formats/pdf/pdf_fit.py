"""Fits section content into its box: smaller type first, down to a readable minimum, then the rest overflows."""

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable

from formats.pdf.pdf_items import Item, flowables_for
from formats.pdf.pdf_text import LEADING, Typesetter

GAP = 0.4  # space between items, in multiples of the type size
STEP = 0.5  # points: how much smaller each try sets the type


@dataclass(frozen=True)
class Fitted:
    """Items set at `size`: those placed, as flowables already wrapped to the width, and those left over."""

    size: float
    placed: list[Item]
    overflow: list[Item]
    flowables: list[tuple[Flowable, float]]  # with their heights


def gap_for(size: float) -> float:
    return size * GAP


def wrapped(items: Sequence[Item], ts: Typesetter, size: float, width: float) -> list[tuple[Flowable, float]]:
    return [(f, f.wrap(width, 1e9)[1]) for f in flowables_for(items, ts, size, gap_for(size))]


def total_height(flowables: Sequence[tuple[Flowable, float]], size: float) -> float:
    return sum(height for _, height in flowables) + gap_for(size) * max(len(flowables) - 1, 0)


def stack_height(items: Sequence[Item], ts: Typesetter, size: float, width: float) -> float:
    return total_height(wrapped(items, ts, size, width), size)


def sizes_between(largest: float, smallest: float) -> list[float]:
    sizes = []
    size = largest
    while size > smallest:
        sizes.append(size)
        size -= STEP
    return [*sizes, smallest]


def fit_items(
    items: Sequence[Item], ts: Typesetter, width: float, height: float, largest: float, smallest: float
) -> Fitted:
    """The largest size at which everything fits; else at `smallest`, what fits and what overflows.

    Most boxes fit at once, so the largest size is tried first, then the smallest, then the sizes between
    by bisection: each try sets the whole box again.
    """
    sizes = sizes_between(largest, smallest)
    tries = {largest: wrapped(items, ts, largest, width)}
    if total_height(tries[largest], largest) <= height:
        return Fitted(largest, list(items), [], tries[largest])
    tries[smallest] = wrapped(items, ts, smallest, width)
    if total_height(tries[smallest], smallest) > height:
        placed, overflow = _split_at(items, ts, width, height, smallest)
        return Fitted(smallest, placed, overflow, wrapped(placed, ts, smallest, width))
    low, high = len(sizes) - 1, 0  # sizes[low] fits, sizes[high] does not
    while low - high > 1:
        middle = (low + high) // 2
        tries[sizes[middle]] = wrapped(items, ts, sizes[middle], width)
        if total_height(tries[sizes[middle]], sizes[middle]) <= height:
            low = middle
        else:
            high = middle
    return Fitted(sizes[low], list(items), [], tries[sizes[low]])


def _split_at(
    items: Sequence[Item], ts: Typesetter, width: float, height: float, size: float
) -> tuple[list[Item], list[Item]]:
    placed: list[Item] = []
    used = 0.0
    for index, item in enumerate(items):
        room = height - used - (gap_for(size) if placed else 0)
        item_height = stack_height([item], ts, size, width)
        if item_height <= room:
            placed.append(item)
            used += item_height + (gap_for(size) if len(placed) > 1 else 0)
            continue
        parts = item.split(ts, size, width, room) if room > size * LEADING else None
        if parts:
            placed.append(parts[0])
            rest = [parts[1], *items[index + 1 :]]
        else:
            rest = list(items[index:])
        # A label kept at the foot of the box without what it labels goes with it.
        while placed and placed[-1].keep_with_next:
            rest.insert(0, placed.pop())
        return placed, rest
    return placed, []
