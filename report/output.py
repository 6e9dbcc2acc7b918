"""Write an exported file through report.files, turning a refusal into a message the clerk can act on.

Every writer (PDF, Word, web page, Excel, report file) raises ExportError, or its own subclass
such as PdfError, with the same Chinese sentences: which folder or file refused, and what to do.
"""

from __future__ import annotations

from pathlib import Path

from report.files import atomic_write


class ExportError(Exception):
    """A file cannot be exported; ``str()`` is a Chinese message saying what to fix."""


def not_written(path: Path, err: OSError) -> str:
    """Why a file could not be saved at ``path``, and what the clerk can do about it."""
    if path.is_dir():
        return f"{path.name} 是一个文件夹，请另起一个文件名。"
    if not path.parent.is_dir():
        return f"找不到要保存到的文件夹：{path.parent}"
    if isinstance(err, PermissionError) and err.filename == str(path.parent):
        return f"没有权限在这个文件夹里保存文件：{path.parent}。请换一个文件夹。"
    if isinstance(err, PermissionError):
        return f"无法写入 {path.name}：文件可能正在被其他程序（如 Word、WPS 或 PDF 阅读器）打开，请关闭后再试。"
    return f"无法写入 {path.name}：{err.strerror or err}（磁盘可能已满）。"


def write_atomically(path: str | Path, data: bytes, error: type[Exception] = ExportError) -> Path:
    """Write ``data`` to ``path`` whole or not at all; failures raise ``error`` with the reason."""
    path = Path(path)
    try:
        atomic_write(path, data)
    except OSError as e:
        raise error(not_written(path, e)) from None
    return path
