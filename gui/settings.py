"""The clerk's preferences that are not part of any report: window geometry and PDF fonts.

QSettings keeps them where each platform expects (registry, ~/.config). ``NIANBAO_SETTINGS_DIR``
points them at another folder (the tests give every test its own) so that no test and no
second installation changes the clerk's real settings.
"""

from __future__ import annotations

import os
from pathlib import Path

from gui.qt import QtCore
from report.pdf.font_roles import roles

ORG = "nianbao"
APP = "nianbao"


def settings() -> QtCore.QSettings:
    folder = os.environ.get("NIANBAO_SETTINGS_DIR")
    if folder:
        return QtCore.QSettings(str(Path(folder) / "nianbao.ini"), QtCore.QSettings.Format.IniFormat)
    return QtCore.QSettings(ORG, APP)


def font_files() -> dict[str, str]:
    """Font file chosen for each PDF role; roles without a choice use the PDF's own default."""
    s = settings()
    out = {}
    for role in roles():
        path = s.value(f"fonts/{role}", "", str)
        if path:
            out[role] = path
    return out


def set_font_files(files: dict[str, str]) -> None:
    s = settings()
    for role in roles():
        if files.get(role):
            s.setValue(f"fonts/{role}", files[role])
        else:
            s.remove(f"fonts/{role}")
    s.sync()


def chart_as_annex() -> bool:
    """The PDF's chart after the signature as 「附件」 rather than after table 2."""
    return settings().value("pdf/chart_as_annex", False, bool)


def set_chart_as_annex(on: bool) -> None:
    s = settings()
    s.setValue("pdf/chart_as_annex", bool(on))
    s.sync()


def save_geometry(widget) -> None:
    s = settings()
    s.setValue("window/geometry", widget.saveGeometry())
    s.sync()


def restore_geometry(widget) -> bool:
    geometry = settings().value("window/geometry")
    return bool(geometry) and widget.restoreGeometry(geometry)
