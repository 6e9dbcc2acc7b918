"""The program's log: a rotating file in the user log folder, shared by the window and the commands.

An unexpected error shows the clerk a sentence; the traceback goes here, so that whoever helps
the clerk can read what happened. Logging must never stop the program: when the folder cannot
be written, the program runs without a log file. No Qt is imported.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from store.paths import log_dir

LOG_NAME = "nianbao.log"
MAX_BYTES = 1_000_000
KEEP = 3  # nianbao.log.1 … .3: a few weeks of ordinary use
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"


class _Handler(logging.handlers.RotatingFileHandler):
    """Our handler, recognised when ``setup()`` runs again (tests, a second command in-process)."""


def setup(level: int = logging.INFO) -> Path | None:
    """Send every logger's records at ``level`` and above to the log file; its path, or None."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _Handler)]:
        root.removeHandler(old)
        old.close()
    path = log_dir() / LOG_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _Handler(path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path


def log_file() -> Path | None:
    """The file the log is written to now (None before ``setup()`` or when it had no folder)."""
    for h in logging.getLogger().handlers:
        if isinstance(h, _Handler):
            return Path(h.baseFilename)
    return None


def where() -> str:
    """A clause for a Chinese message saying where the details are."""
    path = log_file()
    return f"详细情况已记入日志文件 {path}" if path else "详细情况未能记入日志文件"
