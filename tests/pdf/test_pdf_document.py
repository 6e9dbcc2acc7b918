"""The file as a whole: metadata, reproducible bytes, the draft mark, page breaks in table 3, errors."""

from __future__ import annotations

import dataclasses
import getpass
import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from pdftestkit import flat_text, page_texts

from report import __version__
from report.document import Report
from report.forms import common
from report.pdf import PdfError, export_pdf
from report.pdf import stylesheet as ss

ROOT = Path(__file__).parent.parent.parent


def test_metadata_names_the_report_and_the_program_but_no_local_details(seed_pdf, seed_report):
    reader = pypdf.PdfReader(seed_pdf)
    meta = reader.metadata
    assert meta.title == "威海市文登区信访局2022年政府信息公开工作年度报告"
    assert meta.author == seed_report.agency.name
    assert meta.subject == "政府信息公开工作年度报告"
    assert "政府信息公开" in meta["/Keywords"] and "2022" in meta["/Keywords"]
    assert meta.creator == f"年报助手 {__version__}"
    assert reader.trailer["/Root"]["/Lang"] == "zh-CN"
    raw = seed_pdf.read_bytes()
    for private in {str(ROOT), str(Path.home()), getpass.getuser(), str(seed_pdf.parent)}:
        assert private.encode() not in raw


def test_invariant_mode_gives_identical_bytes(tmp_path, seed_report):
    a = export_pdf(seed_report, tmp_path / "a.pdf", invariant=True, draft=False).read_bytes()
    b = export_pdf(seed_report, tmp_path / "b.pdf", invariant=True, draft=False).read_bytes()
    assert a == b


def test_draft_mark_on_every_page_when_forced_and_never_when_switched_off(tmp_path, seed_report, seed_pdf):
    mark = common()["status"]["draft"]
    pages = page_texts(export_pdf(seed_report, tmp_path / "d.pdf", draft=True))
    assert all(mark in p for p in pages)
    assert not any(mark in p for p in page_texts(seed_pdf))


def test_draft_mark_follows_the_checker(tmp_path, shuyang_path, seed_report):
    from report.checks import check

    mark = common()["status"]["draft"]
    shuyang = Report.load(shuyang_path)
    assert any(f.severity == "error" for f in check(shuyang))
    assert all(mark in p for p in page_texts(export_pdf(shuyang, tmp_path / "s.pdf")))
    seed_errors = [f for f in check(seed_report) if f.severity == "error"]
    seed_pages = page_texts(export_pdf(seed_report, tmp_path / "w.pdf"))
    assert all((mark in p) == bool(seed_errors) for p in seed_pages)


def _bigger_tables(monkeypatch, size):
    for name in ("TABLE_CELL", "TABLE_LABEL", "TABLE_HEAD"):
        style = getattr(ss, name)
        monkeypatch.setattr(ss, name, dataclasses.replace(style, size=size, leading=size * 1.3))


@pytest.mark.parametrize("size", [12, 16])
def test_table_3_repeats_its_header_on_every_page_it_runs_onto(tmp_path, monkeypatch, seed_report, size):
    """Larger table text makes table 3 taller than a page (at 16 pt even its 三、 block is)."""
    _bigger_tables(monkeypatch, size)
    pages = page_texts(export_pdf(seed_report, tmp_path / "t3.pdf", draft=False))
    t3_pages = [p for p in pages if "申请人情况" in p]
    assert len(t3_pages) >= 2
    for p in t3_pages:
        assert "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他" in p
    text = flat_text(tmp_path / "t3.pdf")
    for row in seed_report.definition.tables["t3"].blocks[0].rows:
        assert row.label[-1] + "0000000" in text


def test_a_merged_row_label_cut_by_a_page_break_is_printed_again_above_its_continuation(
        tmp_path, monkeypatch, seed_report):
    _bigger_tables(monkeypatch, 16)  # table 3's 三、 block alone is then taller than a page
    label = seed_report.definition.tables["t3"].blocks[0].rows[2].label[0]
    assert label.startswith("三、")
    pages = page_texts(export_pdf(seed_report, tmp_path / "t3.pdf", draft=False))
    assert sum(label in p for p in pages) >= 2
    text = flat_text(tmp_path / "t3.pdf")
    for row in seed_report.definition.tables["t3"].blocks[0].rows:
        assert row.label[-1] + "0000000" in text  # every row printed once, whole


def test_importing_the_package_does_not_load_reportlab():
    code = "import sys, report.pdf; print('reportlab' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_unwritable_target_gives_a_chinese_message_and_leaves_nothing(tmp_path, seed_report):
    with pytest.raises(PdfError, match="找不到要保存到的文件夹"):
        export_pdf(seed_report, tmp_path / "missing" / "r.pdf", draft=False)
    (tmp_path / "a folder.pdf").mkdir()
    with pytest.raises(PdfError, match="是一个文件夹"):
        export_pdf(seed_report, tmp_path / "a folder.pdf", draft=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a folder.pdf"]  # no temporary file left
    locked = tmp_path / "locked"
    locked.mkdir()
    os.chmod(locked, 0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        with pytest.raises(PdfError, match="没有权限"):
            export_pdf(seed_report, locked / "r.pdf", draft=False)
    finally:
        os.chmod(locked, 0o700)


def test_a_report_without_agency_name_is_refused(tmp_path, seed_report):
    r = seed_report.copy()
    r.agency.name = " "
    with pytest.raises(PdfError, match="单位名称"):
        export_pdf(r, tmp_path / "x.pdf", draft=False)
