"""The clerk's preferences that are not part of any report: window geometry, the side panel's
width, the last folder used, PDF fonts, local packs, where the chart goes.

QSettings keeps them where each platform expects (registry, ~/.config). ``NIANBAO_SETTINGS_DIR``
points them at another folder (the tests give every test its own) so that no test and no
second installation changes the clerk's real settings.
"""

from __future__ import annotations

import os
from pathlib import Path

from gui.qt import QtCore

ORG = "nianbao"
APP = "nianbao"


def settings() -> QtCore.QSettings:
    folder = os.environ.get("NIANBAO_SETTINGS_DIR")
    if folder:
        return QtCore.QSettings(str(Path(folder) / "nianbao.ini"), QtCore.QSettings.Format.IniFormat)
    return QtCore.QSettings(ORG, APP)


def font_files() -> dict[str, str]:
    """Font file chosen for each PDF role; roles without a choice use the PDF's own default."""
    from report.pdf.font_roles import roles

    s = settings()
    out = {}
    for role in roles():
        path = s.value(f"fonts/{role}", "", str)
        if path:
            out[role] = path
    return out


def set_font_files(files: dict[str, str]) -> None:
    from report.pdf.font_roles import roles

    s = settings()
    for role in roles():
        if files.get(role):
            s.setValue(f"fonts/{role}", files[role])
        else:
            s.remove(f"fonts/{role}")
    s.sync()


def remembered_agency(names: list[str]) -> str:
    """The agency the clerk last worked on, while it is still in ``names``; else the first."""
    name = settings().value("agency", "", str)
    return name if name in names else names[0]


def remember_agency(name: str) -> None:
    settings().setValue("agency", name)


def chosen_packs() -> list[str]:
    """Ids of the local requirement packs the clerk chose in 设置; none by default."""
    value = settings().value("checks/packs", "", str)
    return [p for p in value.split(",") if p]


def set_chosen_packs(ids: list[str]) -> None:
    s = settings()
    s.setValue("checks/packs", ",".join(ids))
    s.sync()


def pack_folder(data_dir: str | os.PathLike) -> Path:
    """Where pack files the clerk adds are kept: in the data folder, with the reports."""
    return Path(data_dir) / "rules"


def local_packs(data_dir: str | os.PathLike) -> list:
    """The chosen packs that can be read; a pack removed or broken since it was chosen is left out."""
    ids = chosen_packs()
    if not ids:
        return []
    from report.checks.packs import available

    return [p for p in available([pack_folder(data_dir)])[0] if p.id in ids]


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


def side_width() -> int:
    """The side panel's width as the clerk last dragged it; 0 until then."""
    return settings().value("window/side_width", 0, int)


def set_side_width(width: int) -> None:
    s = settings()
    s.setValue("window/side_width", int(width))
    s.sync()


def last_folder() -> str:
    """The folder of the last file the clerk opened or saved through a file chooser; "" until then."""
    return settings().value("files/last_folder", "", str)


def set_last_folder(folder: str) -> None:
    s = settings()
    s.setValue("files/last_folder", folder)
    s.sync()
