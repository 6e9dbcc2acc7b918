"""A small tmpfs, filled to its last byte: the full disk of the fault drill (bench/faults.py)
and of the store's disk-full test, so that both exercise the same disk."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def mounted(folder: Path, size: str) -> Iterator[bool]:
    """A tmpfs of ``size`` (as "1m") on ``folder`` while inside; yields False, mounting nothing,
    when it cannot be mounted (only root can)."""
    ok = os.geteuid() == 0 and not subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True).returncode
    try:
        yield ok
    finally:
        if ok:
            subprocess.run(["umount", str(folder)], check=False)


def fill(path: Path) -> None:
    """Write zeros to ``path`` until the disk refuses."""
    with open(path, "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError:
            pass
