"""The ``nianbao`` command: no arguments start the window, a subcommand runs headless.

This module is the top of the dependency graph (gui → store → report) and must not import Qt:
``nianbao check`` and the other headless commands run on machines without a screen.
"""

from __future__ import annotations

import argparse
import sys

from report import __version__


def build_parser() -> argparse.ArgumentParser:
    from report import cli as report_cli
    from store import cli as store_cli

    parser = argparse.ArgumentParser(prog="nianbao", description="年报助手：政府信息公开工作年度报告")
    parser.add_argument("--version", action="version", version=f"nianbao {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="数据文件夹（默认为用户数据目录，也可用环境变量 NIANBAO_DATA_DIR）")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    report_cli.add_commands(sub)
    store_cli.add_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from gui.app import run

        return run(args)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
