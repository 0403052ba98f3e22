"""Pausing Python's cyclic garbage collector while an analysis or a diff builds its many short-lived objects.

They form no reference cycles, so reference counting frees them all the same; but each collection they
trigger walks every live object (both workspaces, both maps, in the app also everything cached), which
took half of a 1,000-context diff. Nested and concurrent pauses (the app runs one thread per session)
share one count, so the collector comes back exactly when the last pause ends, as it was before the first.
"""

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0
_was_enabled = True


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()
