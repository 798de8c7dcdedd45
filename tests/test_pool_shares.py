"""How the files are shared between this process and the pool: this process also takes in
what the others read, so it reads a smaller part, and takes its files in turn with them."""

from __future__ import annotations

from pqp_cli.read.pool import _shares, parent_share


def _jobs(sizes: list[int]) -> list[tuple[str, str, bytes]]:
    return [("units", f"f{i}.yaml", b"x" * size) for i, size in enumerate(sizes)]


def test_this_process_reads_less_than_an_equal_part_but_never_nothing_with_one_worker() -> None:
    assert parent_share(1) == 1.0
    assert 0.4 < parent_share(2) < 0.5
    assert 0 < parent_share(4) < parent_share(3) < parent_share(2)


def test_its_files_come_in_turn_with_the_pools_and_add_up_to_its_share() -> None:
    jobs = _jobs([1000] * 100)
    here = _shares(jobs, 2)
    assert len(here) == len(jobs)
    mine = sum(here)
    assert 40 <= mine <= 48
    for start in range(0, 100, 10):  # every stretch of files is shared, never one side's
        assert 2 <= sum(here[start : start + 10]) <= 7


def test_with_many_workers_this_process_may_only_take_in() -> None:
    assert sum(_shares(_jobs([10] * 20), 8)) == 0
