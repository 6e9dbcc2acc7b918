"""Headless store commands: import, list, export, backup, restore (no Qt is imported).

Every failure is one Chinese line on stderr and exit code 2; never a traceback.
"""

from __future__ import annotations

import argparse
import functools
import logging
import sys
import unicodedata
from pathlib import Path

from report import dates
from report.document import Report, ReportFileError
from report.findings import Severity
from report.forms import common
from report.intake import for_terminal
from store import logs
from store.errors import StoreError, StoreLockedError

log = logging.getLogger(__name__)
SOME_REFUSED, FAIL = 1, 2  # exit codes: some files were refused; the command could not run


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="把报告文件或已发布的报告导入程序",
                       description="把报告文件（JSON）或已发布的报告（网页、Word、PDF、文本）导入程序；"
                       "已发布的报告先识别并列出需要核对的地方，原文随报告保存。每个文件要么完整导入，要么不做任何改动。"
                       "退出码：0 全部导入；1 已导入但有需要核对的地方；2 有文件未导入。")
    p.add_argument("files", nargs="+", metavar="FILE", help="报告文件（.json），或 .html/.htm/.docx/.pdf/.txt")
    p.add_argument("--replace", action="store_true", help="替换程序中已有的同年度草稿（原内容保留为历史版本）")
    p.add_argument("--final", action="store_true", help="导入已发布的报告后标为定稿（检查有错误时不定稿）")
    p.set_defaults(func=_command(cmd_import, "导入"))

    p = sub.add_parser("list", help="列出程序中的报告",
                       description="列出程序中保存的报告：单位、年度、状态、修改时间、错误和警告数。")
    p.add_argument("--agency", metavar="NAME", help="只列出这个单位的报告")
    p.set_defaults(func=_command(cmd_list, "列出"))

    p = sub.add_parser("export", help="导出报告为 PDF、Word、网页、Excel 或数据文件",
                       description="导出报告：报告文件 FILE.json，或用 --agency 和 --year 指定程序中保存的报告。"
                       "各种格式可在一次命令中任意组合。")
    p.add_argument("file", nargs="?", metavar="FILE.json", help="报告文件")
    p.add_argument("--agency", metavar="NAME", help="单位名称")
    p.add_argument("--year", type=int, metavar="N", help="报告年度")
    p.add_argument("--pdf", metavar="OUT.pdf", help="导出排好版的 PDF")
    p.add_argument("--docx", metavar="OUT.docx", help="导出可编辑的 Word 文件")
    p.add_argument("--html", metavar="OUT.html", help="导出网页（单个文件，可直接发布）")
    p.add_argument("--xlsx", metavar="OUT.xlsx", help="导出 Excel 表格（表二至表四）")
    p.add_argument("--json", metavar="OUT", help="导出报告文件（含历年网站信息数量）")
    p.add_argument("--all", metavar="DIR", help="把以上全部格式导出到文件夹 DIR，按标准文件名命名")
    p.add_argument("--chart-as-annex", action="store_true",
                   help="PDF 中的统计图作为附件放在落款之后（默认在表二之后）")
    p.set_defaults(func=_command(cmd_export, "导出"))

    p = sub.add_parser("backup", help="立即备份全部数据",
                       description="立即把全部数据备份到数据文件夹的 backups 中。")
    p.set_defaults(func=_command(cmd_backup, "备份"))

    p = sub.add_parser("restore", help="从备份恢复全部数据",
                       description="用一个备份替换全部数据；恢复前的数据会先自动备份。")
    p.add_argument("backup", metavar="BACKUP", help="备份文件（backups 文件夹中的 .zip）")
    p.set_defaults(func=_command(cmd_restore, "恢复"))


def _command(handler, verb: str):
    """Run a handler turning every failure into one Chinese line on stderr and exit 2."""

    @functools.wraps(handler)
    def run(args) -> int:
        from report.output import ExportError

        args.verb = verb
        try:
            return handler(args)
        except StoreLockedError as e:
            _err(f"无法{verb}：{e}")
        except (StoreError, ReportFileError, ExportError) as e:
            _err(str(e))
        except KeyboardInterrupt:
            _err(f"已取消{verb}。")
        except Exception:  # noqa: BLE001 — the clerk gets a sentence, the log gets the trace
            log.exception("%s failed unexpectedly", handler.__name__)
            _err(f"{verb}时出现意外错误。{logs.where()}，请把这句话和该文件告诉技术人员。")
        return FAIL

    return run


def _err(line: str) -> None:
    print(_line(line), file=sys.stderr)


def _line(text: str) -> str:
    """One line a terminal shows as it is: blanks and breaks as one space, control characters as U+XXXX."""
    return for_terminal(" ".join(text.split()))


def _open(args, writing: bool):
    """The store, its notices told once; a command that writes is refused with the true reason
    when it may only read (another window or command, a read-only folder, a full disk)."""
    from store import open_store

    store = open_store(getattr(args, "data_dir", None), holder=getattr(args, "verb", ""))
    lock_reason = store.read_only_reason if store.read_only else None
    for notice in store.notices:  # a command that only reads need not hear who holds the lock
        if notice != lock_reason:
            _err(notice)
    if writing and store.read_only:
        store.close()
        raise StoreLockedError(lock_reason)
    return store


# ---------------------------------------------------------------------- import
def cmd_import(args) -> int:
    """Each file is its own unit: a refused one is named with its reason and the others go on.

    Exit 0 when every file went in with nothing to review; 1 when a file was refused or its
    recognition left items to review; 2 when the command could not run, or nothing went in
    because no file could be read as a report."""
    from report.readers import ReadError, readable

    refused: list[str] = []
    unreadable = reviewed = 0
    store = _open(args, writing=True)
    try:
        for name in args.files:
            try:
                if readable(name):
                    reviewed += not _import_published(store, name, args)
                else:
                    print(_line(f"{name}：{_import_one(store, Report.load(name), args.replace)}"))
            except StoreLockedError:
                raise
            except (StoreError, ReportFileError, ReadError) as e:
                unreadable += isinstance(e, ReadError)
                _err(f"{name}：未导入。{e}")
                refused.append(name)
            except Exception:  # noqa: BLE001 — one file's defect must not stop the batch
                log.exception("importing %s failed unexpectedly", name)
                _err(f"{name}：未导入。导入时出现意外错误。{logs.where()}，请把这句话和该文件告诉技术人员。")
                refused.append(name)
    finally:
        store.close()
    if refused and len(args.files) > 1:
        _err(f"共 {len(args.files)} 个文件，导入 {len(args.files) - len(refused)} 个，"
             f"未导入 {len(refused)} 个：{'、'.join(refused)}（原因见上）。")
    if unreadable and len(refused) == len(args.files):
        return FAIL
    return SOME_REFUSED if refused or reviewed else 0


def _import_published(store, name: str, args) -> bool:
    """Recognise a published report, store it with its 原文; True when nothing needs review."""
    from report.readers import read_source
    from report.readers.recognise import recognise, summary

    source, raw = read_source(name)
    result = recognise(source)
    report = result.report
    done = _import_one(store, report, args.replace)
    store.keep_original(report.agency.name, report.year, Path(name).name, raw)
    print(_line(f"{name}：{summary(result)}"))
    print(_line(f"{name}：{done}"))
    if args.final:
        store.mark_final(report.agency.name, report.year)
        print(_line(f"{name}：已标为{common()['status']['final']}。"))
    return result.complete


def _import_one(store, report: Report, replace: bool) -> str:
    what = f"{report.agency.name}{report.year}年度报告"
    return {"new": f"已导入{what}。",
            "same": f"{what}与程序中的内容相同，无需导入。",
            "replaced": f"已用文件内容替换{what}，原内容已保留为历史版本。"}[store.import_report(report, replace)]


# ---------------------------------------------------------------------- list
def cmd_list(args) -> int:
    store = _open(args, writing=False)
    try:
        rows = store.reports(args.agency) if args.agency else store.all_reports()
        counts = [_counts(store, s) for s in rows]
    finally:
        store.close()
    if not rows:
        print(_line(f"程序中没有“{args.agency}”的报告。") if args.agency else "程序中还没有报告。")
        return 0
    labels = common()
    status = labels["status"]
    table = [[labels["agency"]["fields"][0]["label"], labels["report"]["year"], "状态", "修改时间",
              Severity.ERROR.label, Severity.WARNING.label]]
    for s, (errors, warnings) in zip(rows, counts, strict=True):
        table.append([for_terminal(s.agency), str(s.year), status.get(s.status, s.status), dates.short_time(s.modified),
                      errors, warnings])
    widths = [max(_width(r[i]) for r in table) for i in range(len(table[0]))]
    for r in table:
        print("  ".join(c + " " * (w - _width(c)) for c, w in zip(r, widths, strict=True)).rstrip())
    return 0


def _counts(store, summary) -> tuple[str, str]:
    """错误 and 警告 as stored, or counted now for a year saved without them; "—" if it cannot be read."""
    if summary.errors is not None and summary.warnings is not None:
        return str(summary.errors), str(summary.warnings)
    try:
        return tuple(map(str, store.count_findings(summary.agency, summary.year)))
    except StoreError:  # a damaged record must not break the list of the others
        return "—", "—"


def _width(text: str) -> int:
    """Columns a terminal uses for ``text`` (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# ---------------------------------------------------------------------- export
_EXPORT_OPTIONS = ("pdf", "docx", "html", "xlsx", "json")


def cmd_export(args) -> int:
    if args.file and (args.agency or args.year is not None):
        raise StoreError("请只指定一种来源：报告文件 FILE.json，或 --agency 和 --year。")
    if not args.file and not (args.agency and args.year is not None):
        raise StoreError("请指定要导出的报告：报告文件 FILE.json，或 --agency 单位名称 --year 年度。")
    targets = {fid: getattr(args, fid) for fid in _EXPORT_OPTIONS if getattr(args, fid)}
    if not targets and not args.all:
        raise StoreError("请指定导出的文件：--pdf、--docx、--html、--xlsx、--json（可以组合），或 --all 文件夹。")
    store = _open(args, writing=False)
    try:
        report = Report.load(args.file) if args.file else store.load(args.agency, args.year)
        history = store.history_counts(report.agency.name, before_year=report.year, report=report)
        previous = (store.load(report.agency.name, report.year - 1)
                    if store.exists(report.agency.name, report.year - 1) else None)
    finally:
        store.close()
    report.website_counts_history = history or None
    draft = False
    if "pdf" in targets or args.all:
        from report.checks import blocking_errors

        errors = blocking_errors(report, previous)
        if errors:
            more = f"等 {len(errors)} 个" if len(errors) > 3 else f" {len(errors)} 个"
            _err(f"注意：报告有{more}{Severity.ERROR.label}，PDF 已导出为草稿（带“草稿”字样）：{errors.excerpt()}")
        draft = bool(errors)
    from report.exports import FORMATS, export, export_all

    for fid, path in targets.items():
        export(report, {fid: path}, history=report.website_counts_history, draft=draft,
               chart_as_annex=args.chart_as_annex)
        print(f"已导出{FORMATS[fid].in_text.rstrip()}：{path}")
    if args.all:
        written = export_all(report, args.all, history=report.website_counts_history, draft=draft,
                             chart_as_annex=args.chart_as_annex)
        print(f"已全部导出到 {args.all}：")
        for path in written:
            print(f"  {path.name}")
    return 0


# ---------------------------------------------------------------------- backup / restore
def cmd_backup(args) -> int:
    store = _open(args, writing=True)
    try:
        path = store.backup_now()
    finally:
        store.close()
    print(f"已备份到 {path}")
    return 0


def cmd_restore(args) -> int:
    store = _open(args, writing=True)
    try:
        before = store.restore(args.backup)
    finally:
        store.close()
    print(f"已从 {args.backup} 恢复全部数据。恢复前的数据已备份到 {before}")
    return 0
