"""The collector pause: nested and concurrent pauses restore the collector exactly as it was."""

import gc
import threading

from analysis.engine import analyze_workspace
from analysis.gc_pause import cyclic_gc_paused
from diff.diff_workspaces import compare_workspaces
from formats.workspace_json.workspace_file import read_workspace_file
from services.configuration import EXAMPLE_WORKSPACE

EXAMPLE = read_workspace_file(EXAMPLE_WORKSPACE)


def test_an_analysis_and_a_comparison_pause_the_collector_and_bring_it_back() -> None:
    assert gc.isenabled()
    analyze_workspace(EXAMPLE, lever=False)
    compare_workspaces(EXAMPLE, EXAMPLE, old_label="a", new_label="b")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    try:
        with cyclic_gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_nested_pauses_end_with_the_outer_one() -> None:
    with cyclic_gc_paused():
        with cyclic_gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause is still running
    assert gc.isenabled()


def test_overlapping_pauses_in_threads_leave_the_collector_on() -> None:
    inside = threading.Barrier(8)
    states: list[bool] = []

    def pause() -> None:
        with cyclic_gc_paused():
            inside.wait(timeout=10)  # all eight threads are inside at once
            states.append(gc.isenabled())

    threads = [threading.Thread(target=pause) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert states == [False] * 8
    assert gc.isenabled()
