"""Everything at once: the folder of five files, their names and permissions, and the command."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from exportkit import DATA

from report.exports import FORMATS, export, export_all, file_name
from report.output import ExportError

ROOT = Path(__file__).resolve().parents[2]
STEM = "威海市文登区信访局2022年政府信息公开工作年度报告"


def test_export_all_writes_every_format_under_the_standard_name(seed, tmp_path):
    folder = tmp_path / "导出" / "2022"
    written = export_all(seed, folder, draft=False)
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{STEM}{f.suffix}" for f in FORMATS.values())
    assert [p.suffix for p in written] == [".pdf", ".docx", ".html", ".xlsx", ".json"]
    assert (folder / f"{STEM}.pdf").read_bytes().startswith(b"%PDF")
    assert (folder / f"{STEM}.docx").read_bytes().startswith(b"PK")
    assert (folder / f"{STEM}.xlsx").read_bytes().startswith(b"PK")
    assert b"<!DOCTYPE html>" in (folder / f"{STEM}.html").read_bytes()[:20]


def test_written_files_get_the_users_ordinary_permissions(seed, tmp_path):
    old = os.umask(0o022)
    try:
        written = export_all(seed, tmp_path, draft=False)
    finally:
        os.umask(old)
    assert {oct(stat.S_IMODE(p.stat().st_mode)) for p in written} == {"0o644"}


def test_a_name_with_characters_windows_forbids_is_made_safe(seed):
    seed.agency.name = "某市/某区:局"
    assert file_name(seed, "docx") == "某市_某区_局2022年政府信息公开工作年度报告.docx"


def test_unknown_format_and_a_file_in_the_folders_place_are_refused(seed, tmp_path):
    with pytest.raises(ExportError, match="未知的导出格式"):
        export(seed, {"odt": tmp_path / "x.odt"})
    (tmp_path / "plain").write_text("x")
    with pytest.raises(ExportError, match="不是文件夹"):
        export_all(seed, tmp_path / "plain")


def test_a_missing_folder_gives_a_chinese_message_and_leaves_nothing(seed, tmp_path):
    for fid in ("docx", "html", "xlsx"):
        with pytest.raises(ExportError, match="找不到要保存到的文件夹"):
            export(seed, {fid: tmp_path / "missing" / f"r.{fid}"})
    assert list(tmp_path.iterdir()) == []


def test_command_exports_any_combination_and_all_without_qt(tmp_path):
    script = ("import sys; from gui.main import main; code = main(sys.argv[1:]); "
              "print('Qt loaded' if 'PySide6' in sys.modules else 'no Qt'); sys.exit(code)")
    seed = DATA / "wendeng-xinfang-2022.json"
    out = subprocess.run(
        [sys.executable, "-c", script, "--data-dir", str(tmp_path / "data"), "export", str(seed),
         "--docx", str(tmp_path / "a.docx"), "--html", str(tmp_path / "a.html"), "--xlsx", str(tmp_path / "a.xlsx"),
         "--all", str(tmp_path / "all")],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", env={**os.environ, "NIANBAO_FONTS": "bundled"})
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert lines[-1] == "no Qt"
    assert f"已导出 Word：{tmp_path / 'a.docx'}" in lines and f"已导出网页：{tmp_path / 'a.html'}" in lines
    assert all((tmp_path / n).stat().st_size > 1000 for n in ("a.docx", "a.html", "a.xlsx"))
    assert len(list((tmp_path / "all").iterdir())) == 5
    assert f"  {STEM}.docx" in lines
