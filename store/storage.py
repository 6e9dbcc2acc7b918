"""Crash-safe store files: a TinyDB storage that never leaves a half-written store behind.

TinyDB's JSONStorage rewrites its file in place, so a crash between write and truncate leaves
new JSON followed by old bytes. Here every write goes through ``report.files.atomic_file``
(temporary file, fsync, rename, fsync of the folder): after a crash the file is either the old
or the new version, never a mix. Failures become StoreWriteError with a Chinese message.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from tinydb.storages import Storage

from report import files
from report.files import TEMP_PREFIX, fsync_dir
from store.errors import StoreError, StoreLockedError, write_error


class DamagedFileError(StoreError):
    """A store file exists but cannot be read as the JSON it should be."""

    def __init__(self, path: Path, why: str):
        super().__init__(f"数据文件 {path} 已损坏，无法读取（{why}）。")
        self.path = path
        self.why = why


@contextmanager
def atomic_file(path: Path, suffix: str = "") -> Iterator[BinaryIO]:
    """``report.files.atomic_file`` for the data folder: creates missing folders, and raises
    StoreWriteError (with a Chinese message) if the disk refuses; the old file is then intact."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with files.atomic_file(path, suffix) as fh:
            yield fh
    except OSError as e:
        raise write_error(e, path) from e


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` crash-safely (see atomic_file)."""
    with atomic_file(path) as fh:
        fh.write(data)


def append_line(path: Path, line: bytes) -> None:
    """Append one record to a log, durably. A crash can only tear this last record, which
    readers skip because every record starts on a fresh line; a failed write (a full disk) is
    cut off again, so the file is left as it was."""
    new = not path.exists()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
        try:
            size = os.fstat(fd).st_size
            try:
                data = memoryview(b"\n" + line)
                while data:
                    data = data[os.write(fd, data):]
                os.fsync(fd)
            except OSError:
                _cut(fd, path, size, new)
                raise
        finally:
            os.close(fd)
        if new:
            fsync_dir(path.parent)
    except OSError as e:
        raise write_error(e, path) from e


def _cut(fd: int, path: Path, size: int, new: bool) -> None:
    """Undo a failed append: drop whatever part of it reached the file."""
    try:
        os.ftruncate(fd, size)
        if new:
            path.unlink()
    except OSError:
        pass


def clean_stale_temp(folder: Path) -> int:
    """Remove temporary files a crashed writer left behind (only call while holding the lock)."""
    removed = 0
    if not folder.is_dir():
        return 0
    for p in folder.rglob(TEMP_PREFIX + "*"):
        try:
            p.unlink()
            removed += 1
        except OSError:
            pass
    return removed


def dumps(data) -> bytes:
    """Compact UTF-8 JSON: Chinese kept as characters, half the size of ASCII escapes."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def read_json(path: Path):
    """The parsed file, None if it does not exist, DamagedFileError if it is not valid JSON."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    return parse_json(raw, path)


def parse_json(raw: bytes, path: Path):
    """Parsed UTF-8 JSON bytes (read from ``path``); DamagedFileError if they are not."""
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise DamagedFileError(path, "不是 UTF-8 文本") from None
    except json.JSONDecodeError as e:
        raise DamagedFileError(path, f"JSON 格式错误，第 {e.lineno} 行第 {e.colno} 列") from None


class AtomicJSONStorage(Storage):
    """TinyDB storage writing through :func:`atomic_write`.

    TinyDB re-reads the whole file for every query; the parsed data is kept and reused while
    the file on disk is unchanged (same inode, size and mtime), so a reader in another
    process still sees every write. A failed write drops the kept data (TinyDB had already
    changed it in place), so memory never claims what the disk does not hold.
    """

    def __init__(self, path, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self._data = None
        self._signature = None

    def _stat(self):
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return st.st_ino, st.st_size, st.st_mtime_ns

    def read(self):
        sig = self._stat()
        if sig is None:
            self._data = self._signature = None
            return None
        if sig != self._signature or self._data is None:
            self._data = read_json(self.path)
            self._signature = sig
        return self._data

    def write(self, data) -> None:
        if self.read_only:
            raise StoreLockedError("另一个年报助手窗口正在使用这些数据，本窗口只能查看，不能保存修改。")
        try:
            atomic_write(self.path, dumps(data))
        except BaseException:
            self._data = self._signature = None
            raise
        self._data = data
        self._signature = self._stat()

    def forget(self) -> None:
        """Drop the kept data so that the next read comes from disk."""
        self._data = self._signature = None

    def close(self) -> None:
        self.forget()
