"""A NUL, a line break or a zero-width space pasted into the agency name never reaches the PDF."""

from pypdf import PdfReader

from report.pdf import export_pdf


def test_control_and_invisible_characters_in_the_name_are_not_printed(seed_report, tmp_path):
    report = seed_report.copy()
    report.agency.name = "威海市文登区\x00信访局\n\u200b"
    pdf = export_pdf(report, tmp_path / "r.pdf", draft=False)
    reader = PdfReader(pdf)
    first = reader.pages[0].extract_text()
    last = reader.pages[-1].extract_text()
    assert "威海市文登区 信访局" in first
    assert "威海市文登区 信访局" in last
    assert reader.metadata.title.startswith("威海市文登区 信访局")
    assert not any(ch in first + last + reader.metadata.title for ch in "\x00\u200b")
    assert report.agency.name == "威海市文登区\x00信访局\n\u200b"  # the clerk's report itself is not changed
