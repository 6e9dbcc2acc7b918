"""nianbao convert and nianbao import with published reports: output, exit codes, the 原文 kept."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest

from gui.main import main
from report.document import Report
from store import open_store
from tests.readers.conftest import DATA, PUBLISHED, wrong_cells
from tests.readers.documents import web_page

PAGE = PUBLISHED / "shuyang-fagaiju-2023.html"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([*map(str, argv)])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def complete_page(tmp_path, shuyang):
    """A page with nothing to review: every part, table, signature and date in place."""
    report = shuyang.copy()
    report.issued_on = dt.date(2024, 1, 17)
    path = tmp_path / "complete.html"
    path.write_bytes(web_page(report))
    return path


def test_convert_writes_the_report_file_and_exits_0_when_nothing_needs_review(capsys, complete_page, tmp_path,
                                                                              shuyang):
    out_json = tmp_path / "out.json"
    code, out, err = run(capsys, "convert", complete_page, "--json", out_json)
    assert (code, err) == (0, "")
    assert "无需核对" in out
    assert wrong_cells(Report.load(out_json), shuyang) == []


def test_convert_prints_the_review_list_and_exits_1(capsys, tmp_path):
    code, out, _ = run(capsys, "convert", DATA / "seed-report-wendeng-xinfang-2022.txt", "--json", tmp_path / "o.json")
    assert code == 1
    assert "需要核对的地方（" in out and "1. " in out and "表三在原文中是图片" in out
    assert json.loads((tmp_path / "o.json").read_text("utf-8"))["year"] == 2022


def test_convert_exits_2_for_a_file_that_is_not_a_report(capsys, tmp_path):
    notice = tmp_path / "notice.txt"
    notice.write_text("关于召开会议的通知\n请准时参加。\n", "utf-8")
    code, out, err = run(capsys, "convert", notice, "--json", tmp_path / "o.json")
    assert (code, out) == (2, "")
    assert "不像是年度报告" in err and not (tmp_path / "o.json").exists()


def test_import_stores_the_report_with_its_original_file(capsys, shuyang):
    code, out, _ = run(capsys, "import", PAGE)
    assert code == 1  # 六 has no sub-headings: one item to review
    assert "已导入沭阳县发展和改革局2023年度报告" in out
    with open_store() as store:
        assert wrong_cells(store.load("沭阳县发展和改革局", 2023), shuyang) == []
        assert store.original("沭阳县发展和改革局", 2023) == (PAGE.name, PAGE.read_bytes())
        assert store.status("沭阳县发展和改革局", 2023) == "draft"


def test_import_final_marks_the_published_report_as_final(capsys, complete_page):
    code, out, _ = run(capsys, "import", "--final", complete_page)
    assert code == 0 and "已标为定稿" in out
    with open_store() as store:
        assert store.status("沭阳县发展和改革局", 2023) == "final"


def test_a_later_import_replaces_the_original_and_backups_carry_it(capsys, complete_page):
    run(capsys, "import", PUBLISHED / "shuyang-fagaiju-2023-libreoffice.docx")
    run(capsys, "import", "--replace", complete_page)
    with open_store() as store:
        name, data = store.original("沭阳县发展和改革局", 2023)
        assert (name, data) == (complete_page.name, complete_page.read_bytes())
        backup = store.backup_now()
    names = zipfile.ZipFile(backup).namelist()
    assert [n for n in names if n.startswith("originals/")] == [n for n in names if n.endswith("/2023.html")]
    store_files = [n for n in names if n.startswith("originals/")]
    assert len(store_files) == 1


def test_import_refuses_an_unreadable_file_and_stores_nothing(capsys, tmp_path):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n%%EOF\n")
    code, _, err = run(capsys, "import", scan)
    assert code == 2 and "未导入" in err
    with open_store() as store:
        assert store.all_reports() == []
