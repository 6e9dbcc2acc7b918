"""A really full disk (a small tmpfs, so only when run as root): saves and imports are refused
with the Chinese message, the data folder keeps every byte, and the next save after room is
made succeeds."""

import runpy
from pathlib import Path

import pytest

from store import StoreWriteError, open_store

SMALL_DISK = runpy.run_path(str(Path(__file__).resolve().parents[2] / "bench" / "small_disk.py"))


@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    with SMALL_DISK["mounted"](mount, "1m") as ok:
        if not ok:
            pytest.skip("a tmpfs cannot be mounted here (it needs root)")
        yield mount


def test_a_full_disk_refuses_saves_and_imports_and_changes_no_byte(small_disk, seed, files_snapshot, seed_agency):
    data = small_disk / "store"
    with open_store(data) as s:
        s.save(seed)
        seed.texts["problems"] = "第二版"
        s.save(seed)  # a history file exists, so an append is attempted too
        SMALL_DISK["fill"](small_disk / "filler")
        before = files_snapshot(data)
        for i in range(5):
            changed = seed.copy()
            changed.texts["problems"] = f"磁盘满时的第{i}次修改。" * 100
            with pytest.raises(StoreWriteError, match="磁盘空间不足"):
                s.save(changed)
            with pytest.raises(StoreWriteError, match="磁盘空间不足"):
                s.import_report(changed, replace=True)
            assert files_snapshot(data) == before
        (small_disk / "filler").unlink()
        assert s.save(changed)
        assert s.load(seed_agency, 2022).to_dict() == changed.to_dict()
        assert [r.kind for r in s.revisions(seed_agency, 2022)] == ["draft", "draft"]
