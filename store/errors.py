"""The store's exceptions; ``str()`` of each is a Chinese sentence the GUI and CLI show as is."""

from __future__ import annotations

import errno


class StoreError(Exception):
    """Something the clerk asked of the store cannot be done; the message says why and what to do."""


class StoreWriteError(StoreError):
    """Writing to disk failed; nothing was changed on disk and the caller still holds its data."""


class StoreLockedError(StoreError):
    """Another nianbao window owns the data folder: this one may only read."""


def write_error(exc: OSError, path) -> StoreWriteError:
    """Translate an OSError raised while writing into a message a clerk can act on."""
    code = exc.errno
    if code == errno.ENOSPC or code == getattr(errno, "EDQUOT", None):
        why = "磁盘空间不足，请清理磁盘后再试"
    elif code in (errno.EROFS, errno.EACCES, errno.EPERM):
        why = "数据文件夹是只读的或没有写入权限，请检查文件夹权限或换一个数据文件夹（--data-dir）"
    else:
        why = f"写入出错（{exc.strerror or exc}），请检查磁盘后再试"
    return StoreWriteError(f"无法保存到 {path}：{why}。")
