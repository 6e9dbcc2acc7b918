"""Who may write the data folder, and — when this instance may not — the true reason, in Chinese.

One instance writes at a time: it holds ``nianbao.lock`` and says in ``nianbao.lock.owner``
(while it holds the lock) what it is — a window, or a command such as 导入 — so that the one
turned away can tell the clerk whom to wait for. A folder that is read-only or a disk that is
full is said as such, never as "another window is open".
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from filelock import FileLock, Timeout

WINDOW = "window"
OWNER_SUFFIX = ".owner"
LOCKED_BY_WINDOW = ("另一个年报助手窗口正在使用这些数据，现在只能查看，不能修改。"
                    "请在那个窗口中修改，或先关闭那个窗口再试。")


def locked_by(holder: str, pid: str) -> str:
    """The sentence for data held by ``holder`` (WINDOW, or the verb of a command) in process ``pid``."""
    if holder == WINDOW:
        return LOCKED_BY_WINDOW
    if holder:
        return (f"另一个 nianbao 命令（{holder}，进程 {pid}）正在修改这些数据，现在只能查看，不能修改；"
                "请等它结束后再试。")
    return "另一个年报助手窗口或 nianbao 命令正在使用这些数据，现在只能查看，不能修改；请等它结束或关闭它后再试。"


def cannot_write(folder: Path, e: OSError) -> str:
    """Why nothing can be written in ``folder``, from the error of the attempt."""
    if e.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"磁盘已满，无法在数据文件夹 {folder} 中写入，现在只能查看，不能修改；请清理磁盘后再试。"
    if e.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (f"数据文件夹 {folder} 是只读的或没有写入权限，现在只能查看，不能修改；"
                "请检查文件夹的权限，或用 --data-dir 换一个数据文件夹。")
    code = errno.errorcode.get(e.errno or 0, "未知")
    return f"无法在数据文件夹 {folder} 中写入（错误 {code}），现在只能查看，不能修改；请检查磁盘后再试。"


class WriterLock:
    """The data folder's writer lock; ``reason`` is None when held, else why this instance only reads."""

    def __init__(self, lock_path: Path, holder: str = WINDOW):
        self.path = Path(lock_path)
        self.owner_path = self.path.with_name(self.path.name + OWNER_SUFFIX)
        self._lock = FileLock(str(self.path), thread_local=False)
        self.reason: str | None = None
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            self.reason = locked_by(*self._owner())
            return
        except OSError as e:
            self.reason = cannot_write(self.path.parent, e)
            return
        try:  # also proves the folder can be written: the lock file may be left from before the disk filled
            self.owner_path.write_text(f"{holder}\n{os.getpid()}\n", encoding="utf-8")
        except OSError as e:
            self.release()
            self.reason = cannot_write(self.path.parent, e)

    def _owner(self) -> tuple[str, str]:
        try:
            holder, pid = self.owner_path.read_text(encoding="utf-8").split("\n")[:2]
        except (OSError, ValueError, UnicodeDecodeError):
            return "", ""
        return holder, pid

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def release(self) -> None:
        """Let go; the owner note goes first, so that a closed program leaves the folder as it found it."""
        if self._lock.is_locked:
            try:
                self.owner_path.unlink(missing_ok=True)
            except OSError:
                pass
            self._lock.release()
