"""The parsed-font cache: the same PDF with and without it, never stale, never a cause of failure."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFont

from report.document import Report
from report.pdf import export_pdf
from report.pdf import fonts as fontsel
from report.pdf.font_cache import ENV_VAR, cache_dir, ttfont

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "wendeng-xinfang-2022.json"
EXPORT = ("import sys; from report.document import Report; from report.pdf import export_pdf;"
          "export_pdf(Report.load(sys.argv[1]), sys.argv[2], invariant=True, draft=False)")


def _export_in_new_process(out: Path, cache: Path, source: Path = SEED) -> bytes:
    env = dict(os.environ, **{ENV_VAR: str(cache), fontsel.FONTS_ENV: "bundled"})
    subprocess.run([sys.executable, "-c", EXPORT, str(source), str(out)], check=True, env=env, cwd=ROOT)
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


def test_an_edited_report_exported_in_the_running_program_is_set_afresh(tmp_path, monkeypatch, seed_report):
    """What an export keeps for the next one (subsets, row heights, the chart) never stands in
    for what the clerk changed since: a longer figure, another website count."""
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "cache"))
    export_pdf(seed_report, tmp_path / "before.pdf", invariant=True, draft=False)
    edited = seed_report.copy()
    a, row = next(iter(edited.t3.items()))
    edited.set("t3", a, next(iter(row)), 12345678)
    edited.website_counts = {k: v + 1234 for k, v in edited.website_counts.items()}
    source = tmp_path / "edited.json"
    source.write_text(json.dumps(edited.to_dict(), ensure_ascii=False), encoding="utf-8")
    export_pdf(Report.load(source), tmp_path / "after.pdf", invariant=True, draft=False)
    fresh = _export_in_new_process(tmp_path / "fresh.pdf", tmp_path / "cache", source)
    assert (tmp_path / "after.pdf").read_bytes() == fresh != (tmp_path / "before.pdf").read_bytes()


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
