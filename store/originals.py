"""The published file (web page, Word file, PDF, text) a report was imported from: its 原文.

Kept byte for byte inside the db folder, so backups and restores carry it, and named by the
report's year; the record keeps the file's own name so it can be exported again as it was.
"""

from __future__ import annotations

import re
from pathlib import Path

from report.files import atomic_write
from store.agency_db import AgencyDB
from store.errors import StoreError, write_error
from store.paths import Layout

SUFFIXES = re.compile(r"\.(html|htm|shtml|docx|pdf|txt)")


def keep(layout: Layout, db: AgencyDB, year: int, file_name: str, data: bytes) -> None:
    suffix = Path(file_name).suffix.lower()
    if not SUFFIXES.fullmatch(suffix):
        raise StoreError(f"不能保存 {suffix or '无扩展名'} 类型的原文；原文应为网页、Word、PDF 或文本文件。")
    path = layout.original(db.id, year, suffix)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data)
        for old in path.parent.glob(f"{year}.*"):
            if old != path:
                old.unlink()
    except OSError as e:
        raise write_error(e, path) from e
    db.commit(reports={year: {**db.record(year), "original": Path(file_name).name}})


def read(layout: Layout, db: AgencyDB, year: int) -> tuple[str, bytes] | None:
    rec = db.record(year)
    if not rec or not rec.get("original"):
        return None
    path = layout.original(db.id, year, Path(rec["original"]).suffix.lower())
    try:
        return rec["original"], path.read_bytes()
    except OSError:
        return None
