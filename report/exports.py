"""Every form in which a report leaves the office, written from the one checked report.

``FORMATS`` lists them (PDF, Word, web page, Excel, the report file); ``export()`` writes any
combination, ``export_all()`` all of them into one folder, each named like
「威海市文登区信访局2022年政府信息公开工作年度报告.docx」. The chart picture is drawn once for
the Word file and the web page together.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from report.output import ExportError, write_atomically
from report.printed import document_title


@dataclass(frozen=True)
class Options:
    """What every writer may need besides the report."""

    history: dict | None = None  # earlier years' website counts for the chart (None: the report's own)
    font_files: dict | None = None  # {role: font file} chosen by the clerk
    draft: bool | None = None  # the PDF's 「草稿」 mark; None: decided by the checker with ``previous``
    previous: object = None  # last year's report, for that decision
    chart_as_annex: bool = False  # the PDF's chart after the signature, as 「附件」, not after table 2


@dataclass(frozen=True)
class Format:
    id: str
    suffix: str
    name: str  # as the window and the command line name it
    write: Callable  # (report, path, Options) -> Path

    @property
    def in_text(self) -> str:
        """The name as it stands inside a Chinese sentence: 「导出 Word 失败」 but 「导出网页失败」."""
        return f" {self.name} " if self.name.isascii() else self.name


def _pdf(report, path, o: Options):
    from report.pdf import export_pdf

    return export_pdf(report, path, history=o.history, font_files=o.font_files, draft=o.draft, previous=o.previous,
                      chart_as_annex=o.chart_as_annex)


def _docx(report, path, o: Options):
    from report.word import export_docx

    return export_docx(report, path, history=o.history, font_files=o.font_files)


def _html(report, path, o: Options):
    from report.web import export_html

    return export_html(report, path, history=o.history, font_files=o.font_files)


def _xlsx(report, path, o: Options):
    from report.excel import export_xlsx

    return export_xlsx(report, path)


def _json(report, path, o: Options):
    r = report.copy()
    if o.history:
        r.website_counts_history = dict(o.history)
    return write_atomically(path, r.dumps().encode("utf-8"))


FORMATS = {f.id: f for f in (
    Format("pdf", ".pdf", "PDF", _pdf),
    Format("docx", ".docx", "Word", _docx),
    Format("html", ".html", "网页", _html),
    Format("xlsx", ".xlsx", "Excel", _xlsx),
    Format("json", ".json", "数据文件", _json),
)}


def file_name(report, format_id: str) -> str:
    """「威海市文登区信访局2022年政府信息公开工作年度报告.pdf」: the file's proposed name."""
    name = document_title(report).strip()
    return "".join("_" if ch in '\\/:*?"<>|' else ch for ch in name) + FORMATS[format_id].suffix


def export(report, targets: dict[str, str | Path], **options) -> list[Path]:
    """Write ``report`` in each format of ``targets`` ({format id: path}); returns the paths written.

    ``options`` are those of Options: history, font_files, draft, previous, chart_as_annex."""
    unknown = set(targets) - set(FORMATS)
    if unknown:
        raise ExportError(f"未知的导出格式：{'、'.join(sorted(unknown))}。")
    o = Options(**options)
    return [FORMATS[fid].write(report, Path(path), o) for fid, path in targets.items()]


def export_all(report, folder: str | Path, **options) -> list[Path]:
    """Every format into ``folder`` (made if missing), under the standard names."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder.name} 不是文件夹，请另选一个文件夹。")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ExportError(f"无法创建文件夹 {folder}：{e.strerror or e}。") from None
    targets = {fid: folder / file_name(report, fid) for fid in FORMATS}
    return export(report, targets, **options)
