"""Headless commands of the report domain: ``nianbao check FILE... [--previous PREV.json] [--pack ID]... [--json]``
and ``nianbao check --list-packs``.

Never imports Qt, TinyDB or ReportLab: it runs on a server or in a batch script. Exit codes:
0 no 错误, 1 some 错误 remain, 2 a file could not be read (the other files are still checked).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys

from report.document import Report, ReportFileError
from report.findings import Findings, Severity
from report.intake import for_terminal

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2
UNREADABLE_RULE = "FILE"  # the --json entry of a file that could not be read
log = logging.getLogger(__name__)


def add_commands(subparsers) -> None:
    p = subparsers.add_parser(
        "check", help="检查报告文件中的数字和文字",
        description="检查一个或多个报告文件（.json），按错误、警告、提示列出问题。"
        "退出码：0 没有错误；1 有错误；2 有文件无法读取。")
    p.add_argument("files", nargs="*", metavar="FILE", help="报告文件（nianbao.report/1 格式的 JSON）")
    p.add_argument("--previous", metavar="PREV.json", help="上一年度的报告文件，用于跨年度核对")
    p.add_argument("--pack", action="append", default=[], metavar="ID",
                   help="同时按地方要求检查（要求的名称，或要求文件 .toml 的路径）；可写多次")
    p.add_argument("--list-packs", action="store_true", help="列出可用的地方要求")
    p.add_argument("--json", action="store_true", help="以 JSON 列表输出（file, rule, severity, message, cells）")
    p.set_defaults(func=run_check)

    p = subparsers.add_parser(
        "convert", help="识别已发布的报告（网页、Word、PDF、文本）",
        description="把已发布的年度报告（.html/.htm、.docx、.pdf、.txt）识别为报告文件，不导入程序；"
        "列出需要核对的地方。退出码：0 全部识别；1 有需要核对的地方；2 文件无法读取或不是年度报告。")
    p.add_argument("file", metavar="FILE", help="已发布的报告：网页、Word、PDF 或文本文件")
    p.add_argument("--json", metavar="OUT.json", help="把识别结果写成报告文件（nianbao.report/1）")
    p.set_defaults(func=run_convert)


def _load(path: str) -> Report:
    """The report in ``path``; ReportFileError (Chinese) for anything that is not a readable report."""
    try:
        return Report.load(path)
    except ReportFileError:
        raise
    except Exception:  # noqa: BLE001 — a defect in reading is this file's result, the trace goes to the log
        log.exception("reading %s failed unexpectedly", path)
        raise ReportFileError(f"读取时出现程序错误，{_logged()}；请把此文件和日志发给维护者。") from None


def _logged() -> str:
    """Where the traceback went (the log file the command set up), as a clause of a message."""
    files = [h.baseFilename for h in logging.getLogger().handlers if isinstance(h, logging.FileHandler)]
    return f"详细情况已记入日志文件 {files[0]}" if files else "详细情况未能记入日志文件"


def _check(check, report: Report, previous: Report | None, packs) -> Findings:
    """Run the checker; a defect in a rule is one line for this file, not a traceback for the batch."""
    try:
        return Findings(check(report, previous, packs))
    except Exception:  # noqa: BLE001 — reported as the file's result, the trace goes to the log
        log.exception("the checker failed on %s", report.year)
        raise ReportFileError(f"检查时出现程序错误，{_logged()}；请把此文件和日志发给维护者。") from None


def _title(report: Report) -> str:
    return f"{report.agency.name or '（未填单位名称）'} {report.year}年报告"


def list_packs() -> int:
    from report.checks.packs import available

    packs, problems = available()
    for pack in packs:
        deadline = f"，发布截止 {pack.deadline.isoformat()}" if pack.deadline else ""
        print(f"{pack.id}\t{pack.name}（{pack.notice}，{pack.issued.isoformat()}；适用于 {pack.year} 年度报告，"
              f"{len(pack.rules)} 条规则{deadline}）")
    for problem in problems:
        print(f"无法使用：{problem}", file=sys.stderr)
    if not packs:
        print("没有可用的地方要求。")
    return EXIT_UNREADABLE if problems else EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    from report.checks import check
    from report.checks.packs import PackError, find

    if hasattr(sys.stdout, "reconfigure"):  # a console that cannot show a character must not end in a traceback
        sys.stdout.reconfigure(errors="replace")
        sys.stderr.reconfigure(errors="replace")
    if args.list_packs:
        return list_packs()
    if not args.files:
        print("请给出要检查的报告文件，如 nianbao check 2025.json；列出地方要求用 nianbao check --list-packs。",
              file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        packs = [find(name) for name in args.pack]
    except PackError as e:
        print(f"地方要求无法使用：{e}", file=sys.stderr)
        return EXIT_UNREADABLE
    code, rows = EXIT_OK, []
    previous = None
    if args.previous:
        try:
            previous = _load(args.previous)
        except ReportFileError as e:  # said once: in the --json list, or else on stderr
            if not args.json:
                print(f"上一年度报告 {args.previous} 无法读取，跨年度核对已跳过：{e}", file=sys.stderr)
            rows.append(_row(args.previous, UNREADABLE_RULE, Severity.ERROR, str(e)))
            code = EXIT_UNREADABLE
    for path in args.files:
        try:
            report = _load(path)
            findings = _check(check, report, previous, packs)
        except ReportFileError as e:
            code = EXIT_UNREADABLE
            rows.append(_row(path, UNREADABLE_RULE, Severity.ERROR, str(e)))
            if not args.json:
                print(f"== {for_terminal(path)}\n无法读取：{e}\n")
            continue
        if findings.errors and code == EXIT_OK:
            code = EXIT_ERRORS
        rows += [_row(path, f.rule, f.severity, f.message, f.cells) for f in findings]
        if not args.json:
            print(_text(path, report, findings))
        for pack in packs:
            if pack.year != report.year:
                print(f"{path}：地方要求“{pack.name}”适用于 {pack.year} 年度报告，本报告是 {report.year} 年度的，"
                      "未按它检查。", file=sys.stderr)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    return code


def run_convert(args: argparse.Namespace) -> int:
    from report.files import atomic_write
    from report.readers import ReadError, read_source
    from report.readers.recognise import recognise, summary

    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    try:
        result = recognise(read_source(args.file)[0])
    except ReadError as e:
        print(f"{args.file}：{e}", file=sys.stderr)
        return EXIT_UNREADABLE
    print(summary(result))
    if args.json:
        atomic_write(args.json, result.report.dumps().encode("utf-8"))
        print(f"已写出报告文件：{args.json}")
    return EXIT_OK if result.complete else EXIT_ERRORS


def _row(path: str, rule: str, severity: Severity, message: str, cells=()) -> dict:
    return {"file": path, "rule": rule, "severity": severity, "message": message, "cells": list(cells)}


def _text(path: str, report: Report, findings: Findings) -> str:
    lines = [f"== {for_terminal(path)}（{_title(report)}）"]
    for severity in Severity:
        group = findings.of(severity)
        if group:
            lines.append(f"{severity.label}（{len(group)}）")
            lines += [f"  [{f.rule}] {f.message}" for f in group]
    errors, label = len(findings.errors), Severity.ERROR.label
    lines.append(f"结论：有 {errors} 个{label}，改正后才能定稿。" if errors else
                 f"结论：没有{label}。" if findings else "结论：未发现问题。")
    return "\n".join(lines) + "\n"
