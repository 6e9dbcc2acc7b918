"""Fixtures for the store tests: a store in the test's private data folder, and sample reports."""

from pathlib import Path

import pytest

from report.document import Report
from store import open_store

SEED_AGENCY = "威海市文登区信访局"


@pytest.fixture
def store(private_data_dir):
    s = open_store()
    yield s
    s.close()


@pytest.fixture
def seed(seed_path) -> Report:
    return Report.load(seed_path)


@pytest.fixture
def shuyang(shuyang_path) -> Report:
    return Report.load(shuyang_path)


def files_snapshot(root: Path) -> dict[str, bytes]:
    """Every file under root with its bytes, to prove that nothing changed."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != "nianbao.lock"}
