"""Pausing Python's cyclic garbage collector while an analysis or a diff builds its many short-lived objects.

They form no reference cycles, so reference counting frees them all the same; but each collection they
trigger walks every live object (both workspaces, both maps, in the app also everything cached), which
took half of a 1,000-context diff.

The collector is one per process, so its pause is one object too (`CYCLIC_GC_PAUSE`), holding its own
count under a lock: nested and concurrent pauses (the app runs one thread per session) share it, and the
collector comes back exactly when the last pause ends, as it was before the first. `with
cyclic_gc_paused():` is the way to use it; nothing else in the project touches `gc`.
"""

import gc
import threading
from types import TracebackType


class CollectorPause:
    """A re-entrant, thread-safe context manager that disables the cyclic collector while any pause runs."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0  # pauses running now, in any thread
        self._was_enabled = True  # the collector's state when the first of them began

    @property
    def depth(self) -> int:
        return self._depth

    def __enter__(self) -> "CollectorPause":
        with self._lock:
            if self._depth == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._depth += 1
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        with self._lock:
            self._depth -= 1
            if self._depth == 0 and self._was_enabled:
                gc.enable()


CYCLIC_GC_PAUSE = CollectorPause()


def cyclic_gc_paused() -> CollectorPause:
    """The process's collector pause, for `with cyclic_gc_paused(): ...`."""
    return CYCLIC_GC_PAUSE
