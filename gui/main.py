"""The ``nianbao`` command: no arguments start the window, a subcommand runs headless.

This module is the top of the dependency graph (gui → store → report) and must not import Qt:
``nianbao check`` and the other headless commands run on machines without a screen.
"""

from __future__ import annotations

import argparse
import gc
import logging
import re
import sys
from contextlib import contextmanager

from report import __version__

log = logging.getLogger(__name__)
YOUNG_OBJECTS_PER_COLLECTION = 100_000  # for a headless command; Python's default is 700


# argparse's own complaints, in the clerk's language (the rest of each line is what was typed)
_ARG_ERRORS = [
    (re.compile(r"the following arguments are required: (.*)"), "缺少参数 {0}"),
    (re.compile(r"argument (\S+): invalid int value: (.*)"), "参数 {0} 应为整数，实际为 {1}"),
    (re.compile(r"argument (\S+): invalid choice: (\S+) \(choose from (.*)\)"), "没有这个{0}：{1}，可选：{2}"),
    (re.compile(r"argument (\S+): expected one argument"), "参数 {0} 后面缺少值"),
    (re.compile(r"unrecognized arguments: (.*)"), "不认识的参数 {0}"),
    (re.compile(r"argument (\S+): ignored explicit argument (.*)"), "参数 {0} 不接受值 {1}"),
]


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that says what is wrong with the command line in Chinese (exit 2)."""

    def error(self, message: str):
        for pattern, chinese in _ARG_ERRORS:
            m = pattern.fullmatch(message)
            if m:
                message = chinese.format(*m.groups())
                break
        else:
            message = f"命令行有误（{message}）"
        self.exit(2, f"{self.prog}：{message}。用 {self.prog} -h 查看用法。\n")


def _global_parser(**kwargs) -> argparse.ArgumentParser:
    parser = _Parser(prog="nianbao", description="年报助手：政府信息公开工作年度报告", **kwargs)
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
    # Starting the window needs only the global options: skip importing every command's
    # module so that the window appears sooner. The window starts its log once it is on screen.
    args, rest = _global_parser(add_help=False).parse_known_args(argv)
    if not rest and "--version" not in argv:
        args.command = None
        from gui.app import run

        return run(args)
    from store import logs

    logs.setup()
    log.info("nianbao %s %s", __version__, " ".join(argv))
    with _rare_collections():
        args = build_parser().parse_args(argv)
        if args.command is not None:
            return args.func(args)
    from gui.app import run

    return run(args)


@contextmanager
def _rare_collections():
    """Run a headless command with the cycle collector's first threshold raised, restored after.

    A command is one short run whose objects (modules, the report, the fonts) mostly live until
    it ends: in ``nianbao export --pdf`` the collector's 70 passes over them took 20 ms of 0.4 s
    and freed a few hundred objects. A batch over many files still collects, every 100 000
    new container objects instead of 700. Afterwards what the command left counts as old
    (frozen, then unfrozen into the oldest generation), so that restoring the threshold does
    not set off one pass over all of it."""
    before = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS_PER_COLLECTION, *before[1:])
    try:
        yield
    finally:
        gc.freeze()
        gc.set_threshold(*before)
        gc.unfreeze()


if __name__ == "__main__":
    sys.exit(main())
