"""Render resources/icons/nianbao.svg to the PNG sizes and the Windows .ico.

Run after editing the SVG: ``.venv/bin/python packaging/make_icons.py``. The PNGs and the .ico
are committed, so building a package needs neither an SVG renderer nor this script.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402  (reportlab's dependency)
from PySide6 import QtCore, QtGui, QtSvg  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int) -> Path:
    image = QtGui.QImage(size, size, QtGui.QImage.Format.Format_ARGB32)
    image.fill(QtCore.Qt.GlobalColor.transparent)
    painter = QtGui.QPainter(image)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    QtSvg.QSvgRenderer(str(ICONS / "nianbao.svg")).render(painter)
    painter.end()
    out = ICONS / f"nianbao-{size}.png"
    image.save(str(out))
    return out


def main() -> int:
    app = QtGui.QGuiApplication(sys.argv[:1])  # noqa: F841  (QPainter needs it)
    pngs = [render(size) for size in SIZES]
    largest = Image.open(pngs[-1])
    largest.save(ICONS / "nianbao.ico", sizes=[(s, s) for s in SIZES if s <= 256])
    print("\n".join(str(p) for p in [*pngs, ICONS / "nianbao.ico"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
