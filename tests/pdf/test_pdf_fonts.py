"""Fonts: every one embedded, the clerk's choice and system names honoured, never a blank box."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pdfplumber
import pypdf
import pytest
from pdftestkit import flat_text

from report.pdf import PdfError, export_pdf
from report.pdf import fonts as fontsel

BUNDLED = fontsel.bundled_dir()


def embedded_fonts(path: Path) -> dict[str, bool]:
    """Every font the PDF uses → whether its TrueType program is embedded (FontFile2)."""
    out = {}
    for page in pypdf.PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            out[str(font["/BaseFont"])] = bool(descriptor and "/FontFile2" in descriptor.get_object())
    return out


def fonts_of(path: Path, text: str, size: float = 16) -> set[str]:
    """Fonts of the characters of ``text`` printed at ``size`` (16 pt: body and headings)."""
    with pdfplumber.open(path) as pdf:
        return {c["fontname"].split("+")[-1] for p in pdf.pages for c in p.chars
                if c["text"] in text and abs(c["size"] - size) < 0.05}


def test_every_font_is_embedded_and_none_is_a_base14_font(seed_pdf):
    fonts = embedded_fonts(seed_pdf)
    assert fonts and all(fonts.values()), fonts
    assert not any("Helvetica" in f or "STSong" in f for f in fonts)


def test_a_character_no_font_has_stops_the_export_and_says_where(tmp_path, seed_report):
    r = seed_report.copy()
    r.texts["problems"] = "人员不足\ue000。"
    r.texts["other.more"] = "见\u0378附件"
    out = tmp_path / "bad.pdf"
    with pytest.raises(PdfError) as e:
        export_pdf(r, out, draft=False)
    msg = str(e.value)
    assert "U+E000" in msg and "U+0378" in msg
    assert "五、存在的主要问题及改进情况·存在的主要问题" in msg
    assert "六、其他需要报告的事项·本行政机关认为需要报告的其他事项" in msg
    assert not out.exists()


def test_a_rare_character_missing_from_the_body_font_comes_from_another_embedded_font(tmp_path, seed_report):
    rare = "堃"  # not in GB 2312, so not in the 仿宋 face; WenQuanYi has it
    fang = fontsel.load(BUNDLED / "FandolFang-Regular.ttf")
    assert not fang.has(rare) and fontsel.load(BUNDLED / "wqy-microhei.ttc").has(rare)
    r = seed_report.copy()
    r.texts["other.more"] = f"张{rare}同志负责。"
    pdf = export_pdf(r, tmp_path / "rare.pdf", draft=False)
    assert f"张{rare}同志负责。" in flat_text(pdf)
    assert fonts_of(pdf, rare) == {"WenQuanYiMicroHei-0"}
    assert all(embedded_fonts(pdf).values())


def test_the_clerks_font_choice_is_used(tmp_path, seed_report):
    pdf = export_pdf(seed_report, tmp_path / "kai.pdf", font_files={"body": BUNDLED / "FandolKai-Regular.ttf"},
                     draft=False)
    assert fonts_of(pdf, "结合我局机构人员") == {"FandolKai-Regular"}


def test_an_unusable_chosen_font_is_refused_with_the_reason(tmp_path, seed_report):
    latin = next(Path("/usr/share/fonts").rglob("DejaVuSans.ttf"), None)
    if latin:
        with pytest.raises(PdfError, match="不含中文字符"):
            export_pdf(seed_report, tmp_path / "x.pdf", font_files={"body": latin}, draft=False)
    with pytest.raises(PdfError, match="找不到字体文件"):
        export_pdf(seed_report, tmp_path / "x.pdf", font_files={"title": tmp_path / "gone.ttf"}, draft=False)
    cff = tmp_path / "NotoSansCJK-Regular.otf"
    cff.write_bytes(b"OTTO" + bytes(60))
    with pytest.raises(PdfError, match="CFF"):
        export_pdf(seed_report, tmp_path / "x.pdf", font_files={"heading1": cff}, draft=False)


def test_system_fonts_are_found_by_their_windows_file_names(tmp_path, monkeypatch, seed_report):
    folder = tmp_path / "Fonts"
    folder.mkdir()
    shutil.copy(BUNDLED / "FandolKai-Regular.ttf", folder / "simhei.ttf")  # stands in for 黑体
    cff = folder / "simkai.ttf"
    cff.write_bytes(b"OTTO" + bytes(60))  # an unusable file under a preferred name is skipped
    monkeypatch.delenv("NIANBAO_FONTS")
    monkeypatch.setattr(fontsel, "system_dirs", lambda: [folder])
    fontsel._system_index.cache_clear()
    try:
        chosen = fontsel.select()
        pdf = export_pdf(seed_report, tmp_path / "sys.pdf", draft=False)
    finally:
        fontsel._system_index.cache_clear()
    assert chosen.roles["heading1"].path == folder / "simhei.ttf"
    assert chosen.roles["heading2"].path == BUNDLED / "FandolKai-Regular.ttf"
    assert any("CFF" in s for s in chosen.skipped)
    assert "FandolKai-Regular" in fonts_of(pdf, "一、总体情况")


def test_no_chinese_font_at_all_is_a_loud_explained_error(tmp_path, monkeypatch, seed_report):
    monkeypatch.setattr(fontsel, "bundled_dir", lambda: tmp_path / "fonts")
    with pytest.raises(PdfError) as e:
        export_pdf(seed_report, tmp_path / "x.pdf", draft=False)
    assert "中文 TrueType 字体" in str(e.value) and "重新安装" in str(e.value)
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.skipif(not os.path.isdir("/usr/share/fonts/opentype/noto"), reason="Noto CJK not installed")
def test_noto_cjk_is_skipped_with_a_reason(tmp_path):
    noto = next(Path("/usr/share/fonts/opentype/noto").glob("NotoSerifCJK-Regular.ttc"), None) or next(
        Path("/usr/share/fonts/opentype/noto").glob("*.ttc"))
    with pytest.raises(PdfError, match="CFF"):
        fontsel.load(noto)
