"""The crash-safe storage under TinyDB: a write either fully happens or leaves the old file."""

import errno
import json
import os

import pytest

from store import StoreWriteError, open_store, storage
from store.revisions import RevisionLog
from store.storage import AtomicJSONStorage, append_line, atomic_write


def test_write_is_utf8_without_escapes(tmp_path):
    s = AtomicJSONStorage(tmp_path / "db.json")
    s.write({"t": {"1": {"name": "威海市文登区信访局"}}})
    raw = (tmp_path / "db.json").read_bytes()
    assert "威海市文登区信访局".encode() in raw
    assert b"\\u" not in raw
    assert s.read() == {"t": {"1": {"name": "威海市文登区信访局"}}}


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS])
def test_failed_replace_keeps_old_file_and_leaves_no_temp(tmp_path, monkeypatch, code):
    path = tmp_path / "db.json"
    atomic_write(path, b'{"old": 1}')

    def refuse(src, dst):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(storage.os, "replace", refuse)
    with pytest.raises(StoreWriteError) as info:
        atomic_write(path, b'{"new": 2}')
    assert str(path) in str(info.value)
    assert ("磁盘空间不足" if code == errno.ENOSPC else "只读") in str(info.value)
    assert path.read_bytes() == b'{"old": 1}'
    assert [p.name for p in tmp_path.iterdir()] == ["db.json"]


def test_storage_forgets_data_tinydb_changed_when_the_write_fails(tmp_path, monkeypatch):
    s = AtomicJSONStorage(tmp_path / "db.json")
    s.write({"t": {"1": {"v": "old"}}})
    data = s.read()
    data["t"]["1"]["v"] = "new"  # what TinyDB does in place before calling write
    def disk_full(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage.os, "replace", disk_full)
    with pytest.raises(StoreWriteError):
        s.write(data)
    assert s.read() == {"t": {"1": {"v": "old"}}}


def test_reader_sees_another_writers_change(tmp_path):
    writer, reader = AtomicJSONStorage(tmp_path / "db.json"), AtomicJSONStorage(tmp_path / "db.json", read_only=True)
    writer.write({"v": 1})
    assert reader.read() == {"v": 1}
    writer.write({"v": 2})
    assert reader.read() == {"v": 2}


def test_stale_temporary_files_are_removed_when_the_store_opens(private_data_dir):
    open_store().close()
    stale = private_data_dir / "db" / "agencies" / ".tmp-abc123"
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_bytes(b'{"half": ')
    s = open_store()
    try:
        assert not stale.exists()
    finally:
        s.close()


def test_a_torn_last_log_record_is_skipped_and_later_records_still_read(tmp_path):
    log = RevisionLog(tmp_path / "2022.jsonl")
    log.append("draft", "2026-01-01T10:00:00+08:00", {"v": 1})
    with open(log.path, "ab") as fh:  # a crash in the middle of the next append
        fh.write(b'\n{"id": 5, "time": "2026-01-01T10:01:00+08:00", "kind": "dra')
    log.append("draft", "2026-01-01T10:02:00+08:00", {"v": 3})
    assert [r["doc"] for r in log.records()] == [{"v": 1}, {"v": 3}]


def test_append_failure_raises_store_write_error(tmp_path, monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage.os, "fsync", full)
    with pytest.raises(StoreWriteError, match="磁盘空间不足"):
        append_line(tmp_path / "log.jsonl", json.dumps({"a": 1}).encode())
