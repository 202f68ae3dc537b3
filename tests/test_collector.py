"""The cycle collector during a build: the data set is left out of its walks, and given back."""

from __future__ import annotations

import gc

from generator.base import collector


def test_what_a_block_holds_is_frozen_and_given_back_at_its_end() -> None:
    before = gc.get_threshold()
    held = [object() for _ in range(10)]
    with collector.long_lived():
        assert gc.get_freeze_count() >= len(held)
        assert gc.get_threshold()[2] >= 100  # full collections ten times rarer
        with collector.long_lived():  # nested: the outer block still holds its part
            pass
        assert gc.get_freeze_count() > 0
        collector.freeze()
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before


def test_outside_a_block_nothing_is_frozen_before_a_fork() -> None:
    collector.freeze()
    assert gc.get_freeze_count() == 0
