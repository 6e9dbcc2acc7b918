"""The parsed-font cache: the same PDF with and without it, never stale, never a cause of failure."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFont

from report.pdf import export_pdf
from report.pdf import fonts as fontsel
from report.pdf.font_cache import ENV_VAR, cache_dir, ttfont

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "wendeng-xinfang-2022.json"
EXPORT = ("import sys; from report.document import Report; from report.pdf import export_pdf;"
          "export_pdf(Report.load(sys.argv[1]), sys.argv[2], invariant=True, draft=False)")


def _export_in_new_process(out: Path, cache: Path) -> bytes:
    env = dict(os.environ, **{ENV_VAR: str(cache), fontsel.FONTS_ENV: "bundled"})
    subprocess.run([sys.executable, "-c", EXPORT, str(SEED), str(out)], check=True, env=env, cwd=ROOT)
    return out.read_bytes()


def test_a_second_process_reads_the_fonts_from_the_cache_and_writes_the_same_pdf(tmp_path):
    cache = tmp_path / "cache"
    first = _export_in_new_process(tmp_path / "a.pdf", cache)
    entries = {p: p.stat().st_mtime_ns for p in (cache / "fonts").iterdir()}
    assert len(entries) >= 5  # title, body, headings, Latin, fallback faces
    second = _export_in_new_process(tmp_path / "b.pdf", cache)
    assert second == first
    assert {p: p.stat().st_mtime_ns for p in (cache / "fonts").iterdir()} == entries  # read, not rewritten


def test_an_export_repeated_in_the_running_program_writes_the_same_pdf_as_a_new_process(
        tmp_path, monkeypatch, seed_report):
    """The second export reuses the font subsets the first embedded, already compressed."""
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "cache"))
    fresh = _export_in_new_process(tmp_path / "fresh.pdf", tmp_path / "cache")
    for name in ("once.pdf", "again.pdf"):
        export_pdf(seed_report, tmp_path / name, invariant=True, draft=False)
    assert (tmp_path / "again.pdf").read_bytes() == fresh
    assert (tmp_path / "once.pdf").read_bytes() == fresh


def test_a_cached_font_measures_and_maps_exactly_as_a_parsed_one(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    path = fontsel.bundled_dir() / "FandolFang-Regular.ttf"
    parsed = TTFont("parsed", str(path))
    ttfont("first", path)  # parses and stores
    cached = ttfont("cached", path)
    assert (tmp_path / "fonts").is_dir()
    assert cached.face.charToGlyph == parsed.face.charToGlyph
    assert cached.face.charWidths == parsed.face.charWidths
    assert list(cached.face.glyphPos) == parsed.face.glyphPos
    assert [cached.face.hmetrics[g] for g in range(len(parsed.face.hmetrics))] == parsed.face.hmetrics
    assert cached.face.glyphToChar == parsed.face.glyphToChar
    assert (cached.face.ascent, cached.face.descent) == (parsed.face.ascent, parsed.face.descent)
    assert cached.stringWidth("政府信息公开 2022", 16) == parsed.stringWidth("政府信息公开 2022", 16)
    assert cached.face.makeSubset([ord(c) for c in "年度报告"]) == parsed.face.makeSubset([ord(c) for c in "年度报告"])
    assert set(vars(cached)) == set(vars(parsed))


def test_a_replaced_font_file_is_parsed_again(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "cache"))
    font = tmp_path / "simfang.ttf"
    shutil.copy(fontsel.bundled_dir() / "FandolFang-Regular.ttf", font)
    assert ttfont("a", font).face.charToGlyph.get(ord("A"))
    shutil.copy(fontsel.bundled_dir() / "LiberationSerif-Regular.ttf", font)  # same name, another font
    os.utime(font, ns=(1, 1))
    replaced = ttfont("b", font)
    assert ord("中") not in replaced.face.charToGlyph
    assert len(list((tmp_path / "cache" / "fonts").iterdir())) == 2


def test_a_damaged_or_unwritable_cache_costs_only_the_parse(tmp_path, monkeypatch, seed_report):
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    path = fontsel.bundled_dir() / "LiberationSerif-Regular.ttf"
    ttfont("a", path)
    (entry,) = (tmp_path / "fonts").iterdir()
    entry.write_bytes(b"not a pickle")
    assert ttfont("b", path).stringWidth("2022", 10) > 0
    assert entry.read_bytes() != b"not a pickle"  # written again
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv(ENV_VAR, str(blocked))
    assert cache_dir() == blocked / "fonts"
    assert ttfont("c", path).stringWidth("2022", 10) > 0
