"""A headless command collects cycles rarely while it runs, and leaves the collector as it found it:
the tests, like any caller of main() in the same process, go on with the usual collector."""

import gc
import weakref

import pytest

from gui.main import main


def test_the_collector_is_as_before_after_a_command_and_after_a_refused_command_line(capsys, seed_path):
    before, enabled = gc.get_threshold(), gc.isenabled()
    assert main(["check", str(seed_path)]) in (0, 1)
    assert (gc.get_threshold(), gc.isenabled()) == (before, enabled)
    with pytest.raises(SystemExit):
        main(["check", "--bogus"])
    assert (gc.get_threshold(), gc.isenabled()) == (before, enabled)


def test_a_cycle_left_by_a_command_is_still_collected(capsys, seed_path, monkeypatch):
    import report.cli

    class Node:
        pass

    left = []
    check = report.cli.run_check

    def check_leaving_a_cycle(args):
        node = Node()
        node.me = node
        left.append(weakref.ref(node))
        return check(args)

    monkeypatch.setattr(report.cli, "run_check", check_leaving_a_cycle)
    main(["check", str(seed_path)])
    assert left and left[0]() is not None
    gc.collect()
    assert left[0]() is None
