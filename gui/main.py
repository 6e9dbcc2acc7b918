"""The ``nianbao`` command: no arguments start the window, a subcommand runs headless.

This module is the top of the dependency graph (gui → store → report) and must not import Qt:
``nianbao check`` and the other headless commands run on machines without a screen.
"""

from __future__ import annotations

import argparse
import logging
import sys

from report import __version__
from store import logs

log = logging.getLogger(__name__)


def _global_parser(**kwargs) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nianbao", description="年报助手：政府信息公开工作年度报告", **kwargs)
    parser.add_argument("--version", action="version", version=f"nianbao {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="数据文件夹（默认为用户数据目录，也可用环境变量 NIANBAO_DATA_DIR）")
    return parser


def build_parser() -> argparse.ArgumentParser:
    from report import cli as report_cli
    from store import cli as store_cli

    parser = _global_parser()
    sub = parser.add_subparsers(dest="command", metavar="命令")
    report_cli.add_commands(sub)
    store_cli.add_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    logs.setup()
    log.info("nianbao %s %s", __version__, " ".join(argv) or "(window)")
    # Starting the window needs only the global options: skip importing every command's
    # module (and jsonschema with it) so the window appears sooner.
    args, rest = _global_parser(add_help=False).parse_known_args(argv)
    if not rest and "--version" not in argv:
        args.command = None
        from gui.app import run

        return run(args)
    args = build_parser().parse_args(argv)
    if args.command is None:
        from gui.app import run

        return run(args)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
