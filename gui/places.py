"""Where the file choosers start: the folder the clerk last used, else the Documents folder.

A folder that does not exist (Linux without a ``~/Documents``, a USB stick taken out) is never
proposed: Qt would open somewhere else and put the missing folder's name in the name box.
"""

from __future__ import annotations

from pathlib import Path

from gui import settings
from gui.qt import QtCore


def documents_dir() -> Path:
    """The Documents folder (文档), or the home folder where there is none."""
    loc = QtCore.QStandardPaths.writableLocation(QtCore.QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(loc) if loc and Path(loc).is_dir() else Path.home()


def start_folder() -> Path:
    """The folder of the last file the clerk chose or saved, while it exists; else Documents."""
    last = settings.last_folder()
    return Path(last) if last and Path(last).is_dir() else documents_dir()


def remember(path: str | Path) -> None:
    """The folder of a file the clerk chose: the next chooser starts there."""
    settings.set_last_folder(str(Path(path).parent))


def remember_folder(folder: str | Path) -> None:
    """A folder the clerk chose (全部导出到文件夹): the next chooser starts there."""
    settings.set_last_folder(str(Path(folder)))
