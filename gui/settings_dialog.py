"""设置: the font file for each PDF role, the local requirements to check, where the data lives, a backup."""

from __future__ import annotations

import shutil
from pathlib import Path

from gui import ask, places, settings
from gui.dialog_parts import error_banner, ok_cancel
from gui.qt import QtWidgets
from gui.workers import readable_error
from report.pdf.font_roles import roles
from store.errors import StoreError


def _label(role: str) -> str:
    return f"{roles()[role].name}字体"  # 「正文字体」


FONT_FILTER = "TrueType 字体 (*.ttf *.ttc);;所有文件 (*)"
PACK_FILTER = "地方要求文件 (*.toml)"


class SettingsDialog(QtWidgets.QDialog):
    def __init__(self, store, data_dir: str | Path, parent=None):
        super().__init__(parent)
        self.setWindowTitle("设置")
        self.store = store
        files = settings.font_files()
        self.font_edits: dict[str, QtWidgets.QLineEdit] = {}

        fonts = QtWidgets.QGroupBox("PDF 字体")
        grid = QtWidgets.QGridLayout(fonts)
        hint = QtWidgets.QLabel("留空时使用程序自带的字体。只能选择 TrueType 字体文件（.ttf/.ttc），"
                                "如仿宋_GB2312、方正小标宋；OpenType（.otf）字体无法嵌入 PDF。")
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        grid.addWidget(hint, 0, 0, 1, 3)
        for i, role in enumerate(roles(), start=1):
            label = _label(role)
            edit = QtWidgets.QLineEdit(files.get(role, ""))
            edit.setAccessibleName(label)
            edit.setPlaceholderText("默认")
            browse = QtWidgets.QPushButton("浏览…")
            browse.setAccessibleName(f"选择{label}")
            browse.clicked.connect(lambda _=False, e=edit, r=role: self._browse(e, r))
            grid.addWidget(QtWidgets.QLabel(label), i, 0)
            grid.addWidget(edit, i, 1)
            grid.addWidget(browse, i, 2)
            self.font_edits[role] = edit
        self.chart_as_annex = QtWidgets.QCheckBox("统计图作为附件放在落款之后（默认放在表二之后）")
        self.chart_as_annex.setChecked(settings.chart_as_annex())
        grid.addWidget(self.chart_as_annex, len(roles()) + 1, 0, 1, 3)

        self.pack_folder = settings.pack_folder(data_dir)
        packs = QtWidgets.QGroupBox("地方要求")
        self.pack_layout = QtWidgets.QVBoxLayout(packs)
        pack_hint = QtWidgets.QLabel("除全国统一格式外，按所选地方通知的要求（字数、须写明的数量、"
                                     "提前的发布截止日）检查。不选则只按全国格式检查。")
        pack_hint.setWordWrap(True)
        pack_hint.setObjectName("hint")
        self.pack_layout.addWidget(pack_hint)
        self.pack_boxes: dict[str, QtWidgets.QCheckBox] = {}
        self.pack_list = QtWidgets.QVBoxLayout()
        self.pack_layout.addLayout(self.pack_list)
        self.pack_problems = QtWidgets.QLabel()
        self.pack_problems.setObjectName("bannerError")
        self.pack_problems.setWordWrap(True)
        self.pack_problems.hide()
        self.pack_layout.addWidget(self.pack_problems)
        self.add_pack_button = QtWidgets.QPushButton("添加要求文件…")
        self.add_pack_button.clicked.connect(self._browse_pack)
        self.pack_layout.addWidget(self.add_pack_button)
        self._list_packs(settings.chosen_packs())

        data = QtWidgets.QGroupBox("数据")
        data_layout = QtWidgets.QFormLayout(data)
        self.data_dir = QtWidgets.QLineEdit(str(data_dir))
        self.data_dir.setReadOnly(True)
        self.data_dir.setAccessibleName("数据文件夹")
        data_layout.addRow("数据文件夹", self.data_dir)
        self.backup_button = QtWidgets.QPushButton("立即备份")
        self.backup_button.clicked.connect(self.backup_now)
        self.backup_state = QtWidgets.QLabel()
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.backup_state, 1)
        data_layout.addRow(row)

        self.error = error_banner()
        buttons = ok_cancel(self)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(fonts)
        layout.addWidget(packs)
        layout.addWidget(data)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)

    def _browse(self, edit: QtWidgets.QLineEdit, role: str) -> None:
        path = ask.open_file(self, f"选择{_label(role)}", edit.text() or "", FONT_FILTER)
        if path:
            edit.setText(path)

    def _list_packs(self, chosen: list[str]) -> None:
        from report.checks.packs import available

        for box in self.pack_boxes.values():
            self.pack_list.removeWidget(box)
            box.deleteLater()
        packs, problems = available([self.pack_folder])
        self.pack_boxes = {}
        for pack in packs:
            box = QtWidgets.QCheckBox(f"{pack.name}（{pack.notice}，{pack.issued.year}年{pack.issued.month}月"
                                      f"{pack.issued.day}日；适用于 {pack.year} 年度报告）")
            box.setChecked(pack.id in chosen)
            self.pack_list.addWidget(box)
            self.pack_boxes[pack.id] = box
        self.pack_problems.setText("以下要求文件无法使用：\n" + "\n".join(problems))
        self.pack_problems.setVisible(bool(problems))

    def _browse_pack(self) -> None:
        path = ask.open_file(self, "选择地方要求文件", str(places.start_folder()), PACK_FILTER)
        if path:
            places.remember(path)
            self.add_pack(Path(path))

    def add_pack(self, path: Path) -> bool:
        """Copy a pack file into the data folder and tick it; a malformed file is refused, naming its line."""
        from report.checks.packs import SHIPPED, PackError, load_pack

        try:
            pack = load_pack(path)
            if (SHIPPED / path.name).is_file():
                raise PackError(f"程序自带的地方要求中已有 {path.name}，请把文件改名后再添加。")
            self.pack_folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, self.pack_folder / path.name)
        except (PackError, OSError) as e:
            self.error.setText(str(e) if isinstance(e, PackError) else readable_error(e))
            self.error.show()
            return False
        self.error.hide()
        self._list_packs([*self.chosen_packs(), pack.id])
        return True

    def chosen_packs(self) -> list[str]:
        return [pid for pid, box in self.pack_boxes.items() if box.isChecked()]

    def backup_now(self) -> None:
        try:
            path = self.store.backup_now()
        except (StoreError, OSError) as e:
            self.backup_state.setText(readable_error(e))
            return
        self.backup_state.setText(f"已备份到 {path}")

    def font_files(self) -> dict[str, str]:
        return {role: e.text().strip() for role, e in self.font_edits.items() if e.text().strip()}

    def accept(self) -> None:
        missing = [f"{_label(r)}：{p}" for r, p in self.font_files().items() if not Path(p).is_file()]
        if missing:
            self.error.setText("找不到以下字体文件，请重新选择或清空：\n" + "\n".join(missing))
            self.error.show()
            return
        settings.set_font_files(self.font_files())
        settings.set_chosen_packs(self.chosen_packs())
        settings.set_chart_as_annex(self.chart_as_annex.isChecked())
        super().accept()
