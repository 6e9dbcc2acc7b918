"""Writing a file so that a crash or a full disk never leaves half of it under the real name.

The one writer every part of the program uses (the store's files and backups, exported PDFs and
report files): the bytes go to a temporary file in the target's folder, are fsynced, and the
temporary file is renamed over the target, then the folder is fsynced so the rename survives a
power cut. After a crash the target is either the old file or the new one, never a mix.

The temporary file is created with the permissions of any file the user makes (0666 less the
umask, so 0644 under the usual 022), not the owner-only 0600 that ``tempfile.mkstemp`` gives:
a shared PDF or report file must be readable by whoever the clerk's system lets read it.
"""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

TEMP_PREFIX = ".tmp-"  # a crashed writer's leftovers start with this (see store.storage.clean_stale_temp)
# Windows refuses os.replace while another process (a virus scanner, an indexer, a backup tool)
# has the target open; such holds are short, so retry for about a second.
RETRY_REPLACE = os.name == "nt"
REPLACE_ATTEMPTS = 20
REPLACE_PAUSE = 0.05
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def fsync_dir(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (POSIX; Windows has no directory handles)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace(src: Path | str, dst: Path | str) -> None:
    """``os.replace``, retried on Windows while another program briefly holds ``dst``."""
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if not RETRY_REPLACE or attempt == REPLACE_ATTEMPTS - 1:
                raise
            time.sleep(REPLACE_PAUSE)


def _new_temp(folder: Path, suffix: str) -> tuple[int, Path]:
    """A new empty file in ``folder`` whose mode the umask decides; OSError names the folder."""
    while True:
        tmp = folder / f"{TEMP_PREFIX}{secrets.token_hex(6)}{suffix}"
        try:
            return os.open(tmp, _NEW_FILE, 0o666), tmp
        except FileExistsError:
            continue
        except OSError as e:
            raise OSError(e.errno, e.strerror, str(folder)) from e


@contextmanager
def atomic_file(path: Path | str, suffix: str = "") -> Iterator[BinaryIO]:
    """A binary file to write; on a clean exit it is fsynced and put in place at ``path``.

    Raises OSError if the disk refuses: naming the folder if no file can be made there, else
    ``path``. Whatever fails, the old file is intact and the temporary file is gone.
    """
    path = Path(path)
    fd, tmp = _new_temp(path.parent, suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        try:
            replace(tmp, path)
        except OSError as e:
            raise OSError(e.errno, e.strerror, str(path)) from e
        tmp = None
        fsync_dir(path.parent)
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def atomic_write(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` crash-safely (see atomic_file)."""
    with atomic_file(path) as fh:
        fh.write(data)


def unreadable(path: Path, exc: OSError) -> str:
    """The clerk's message for a report file that could not be read (opening and importing alike)."""
    if isinstance(exc, FileNotFoundError):
        return f"找不到文件：{path}"
    if isinstance(exc, IsADirectoryError):
        return f"这是一个文件夹，不是报告文件：{path}"
    if isinstance(exc, PermissionError):
        return f"没有权限读取文件：{path}"
    return f"无法读取文件 {path}（{exc.strerror or exc}），请检查磁盘或换一个文件。"
