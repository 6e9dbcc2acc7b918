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
class Format:
    id: str
    suffix: str
    name: str  # as the window and the command line name it
    write: Callable  # (report, path, history, font_files, draft) -> Path


def _pdf(report, path, history, font_files, draft, chart_as_annex=False):
    from report.pdf import export_pdf

    return export_pdf(report, path, history=history, font_files=font_files, draft=draft,
                      chart_as_annex=chart_as_annex)


def _docx(report, path, history, font_files, draft):
    from report.word import export_docx

    return export_docx(report, path, history=history, font_files=font_files)


def _html(report, path, history, font_files, draft):
    from report.web import export_html

    return export_html(report, path, history=history, font_files=font_files)


def _xlsx(report, path, history, font_files, draft):
    from report.excel import export_xlsx

    return export_xlsx(report, path)


def _json(report, path, history, font_files, draft):
    r = report.copy()
    if history:
        r.website_counts_history = {**(r.website_counts_history or {}), **history}
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


def export(report, targets: dict[str, str | Path], *, history: dict | None = None, font_files: dict | None = None,
           draft: bool | None = None, chart_as_annex: bool = False) -> list[Path]:
    """Write ``report`` in each format of ``targets`` ({format id: path}); returns the paths written.

    chart_as_annex: the PDF's chart after the signature, as 「附件」."""
    unknown = set(targets) - set(FORMATS)
    if unknown:
        raise ExportError(f"未知的导出格式：{'、'.join(sorted(unknown))}。")
    return [FORMATS[fid].write(report, Path(path), history, font_files, draft,
                               **({"chart_as_annex": chart_as_annex} if fid == "pdf" else {}))
            for fid, path in targets.items()]


def export_all(report, folder: str | Path, *, history: dict | None = None, font_files: dict | None = None,
               draft: bool | None = None, chart_as_annex: bool = False) -> list[Path]:
    """Every format into ``folder`` (made if missing), under the standard names."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder.name} 不是文件夹，请另选一个文件夹。")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ExportError(f"无法创建文件夹 {folder}：{e.strerror or e}。") from None
    targets = {fid: folder / file_name(report, fid) for fid in FORMATS}
    return export(report, targets, history=history, font_files=font_files, draft=draft,
                  chart_as_annex=chart_as_annex)
