"""Write an exported file whole or not at all, with the permissions the user's other files get.

The bytes go to a temporary file beside the target, which is then renamed over it, so a failed
export never leaves half a file under the clerk's chosen name. A temporary file is created
readable by its owner only; before the rename it gets the mode a new file of the user gets
(0644 under the usual umask 022), so a colleague or the web server can read the export.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class ExportError(Exception):
    """A file cannot be exported; ``str()`` is a Chinese message saying what to fix."""


def _ordinary_mode() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomically(path: str | Path, data: bytes, error: type[Exception] = ExportError) -> Path:
    """Write ``data`` to ``path``; failures raise ``error`` with a message the clerk can act on."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".nianbao-", suffix=path.suffix, dir=path.parent)
    except FileNotFoundError:
        raise error(f"找不到要保存到的文件夹：{path.parent}") from None
    except PermissionError:
        raise error(f"没有权限在这个文件夹里保存文件：{path.parent}。请换一个文件夹。") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, _ordinary_mode())
        os.replace(tmp, path)
    except IsADirectoryError:
        raise error(f"{path.name} 是一个文件夹，请另起一个文件名。") from None
    except PermissionError:
        raise error(f"无法写入 {path.name}：文件可能正在被其他程序（如 Word、WPS 或 PDF 阅读器）打开，"
                    "请关闭后再试。") from None
    except OSError as e:
        raise error(f"无法写入 {path.name}：{e.strerror or e}（磁盘可能已满）。") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path
