"""Fixtures for the store tests: a store in the test's private data folder, sample reports, a
snapshot of the data folder, and the writer that the kill -9 test kills."""

import runpy
from pathlib import Path
from types import SimpleNamespace

import pytest

from report.document import Report
from store import open_store

CRASH_WRITER = Path(__file__).resolve().parents[2] / "bench" / "crash_writer.py"


@pytest.fixture
def store(private_data_dir):
    s = open_store()
    yield s
    s.close()


@pytest.fixture
def seed(seed_path) -> Report:
    return Report.load(seed_path)


@pytest.fixture
def seed_agency(seed) -> str:
    """The seed report's agency (威海市文登区信访局)."""
    return seed.agency.name


@pytest.fixture
def shuyang(shuyang_path) -> Report:
    return Report.load(shuyang_path)


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != "nianbao.lock"}


@pytest.fixture
def files_snapshot():
    """files_snapshot(root): every file under root with its bytes, to prove that nothing changed."""
    return _snapshot


@pytest.fixture
def crash_writer() -> SimpleNamespace:
    """bench/crash_writer.py: ``path`` to run it as a process, ``root`` to run it in, ``version(base, i)``."""
    script = runpy.run_path(str(CRASH_WRITER))
    return SimpleNamespace(path=CRASH_WRITER, root=script["ROOT"], version=script["version"])
