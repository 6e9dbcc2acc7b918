"""Earlier versions of one report, so that a clerk can go back to what it was yesterday.

An append-only JSON-lines log per report: appending one record costs one small write and one
fsync, however long the history, which keeps the GUI's autosave fast. Records:

- ``draft``: the content a save replaced (with the time that content was saved);
- ``replaced``: the content an import with ``--replace`` replaced;
- ``final``: the immutable snapshot taken when the report was marked final (定稿);
- ``reopen``: the report was taken back to draft (撤回为草稿); no content.

Bounded: every ``final`` and ``reopen`` record is kept, and the last ``MAX_DRAFTS`` content
records; the file is compacted (atomically) once ``COMPACT_AT`` have piled up.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass
from pathlib import Path

from report import dates
from store.storage import append_line, atomic_write, dumps

MAX_DRAFTS = 100
COMPACT_AT = 125
DRAFT_KINDS = ("draft", "replaced")


@dataclass(frozen=True)
class Revision:
    id: int
    time: dt.datetime
    kind: str  # draft | replaced | final | reopen
    has_content: bool


class RevisionLog:
    def __init__(self, path: Path):
        self.path = path
        self._last_appended = None  # the last content appended, to skip a duplicate on a retried save
        self._drafts: int | None = None  # content records in the file, counted once then tracked
        self._parsed: tuple[tuple[int, int], list[dict]] | None = None  # (file stamp, records)

    def records(self) -> list[dict]:
        """All readable records, oldest first; a record torn by a crash is skipped.

        Parsed once per version of the file: 历史版本 reads one record after another, and a
        log of a hundred drafts is a megabyte of JSON.
        """
        try:
            st = self.path.stat()
            stamp = (st.st_mtime_ns, st.st_size)
            if self._parsed and self._parsed[0] == stamp:
                return self._parsed[1]
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        out = []
        for line in raw.split(b"\n"):
            if not line.strip():
                continue
            try:
                rec = json.loads(line.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                continue
            if isinstance(rec, dict) and isinstance(rec.get("id"), int) and "kind" in rec:
                out.append(rec)
        visible = _visible(out)
        self._parsed = (stamp, visible)
        return visible

    def list(self) -> list[Revision]:
        """Newest first."""
        return [Revision(r["id"], dates.parse_iso_time(r["time"]), r["kind"], r.get("doc") is not None)
                for r in reversed(self.records())]

    def get(self, rev_id: int) -> dict | None:
        for r in self.records():
            if r["id"] == rev_id:
                return r
        return None

    def append(self, kind: str, when: str, doc: dict | None = None) -> None:
        if doc is not None and kind in DRAFT_KINDS and doc == self._last_appended:
            return
        rec = {"id": time.time_ns(), "time": when, "kind": kind, "doc": doc}
        append_line(self.path, dumps(rec))
        self._last_appended = doc
        if kind in DRAFT_KINDS:
            self._compact_if_due()

    def _compact_if_due(self) -> None:
        if self._drafts is None:
            raw = self.path.read_bytes()
            self._drafts = raw.count(b'"kind":"draft"') + raw.count(b'"kind":"replaced"')
        else:
            self._drafts += 1
        if self._drafts < COMPACT_AT:
            return
        kept = self.records()
        atomic_write(self.path, b"".join(b"\n" + dumps(r) for r in kept))
        self._drafts = sum(r["kind"] in DRAFT_KINDS for r in kept)


def _visible(records: list[dict]) -> list[dict]:
    """Every final/reopen record and the last MAX_DRAFTS content records, in log order."""
    drafts = [i for i, r in enumerate(records) if r["kind"] in DRAFT_KINDS]
    dropped = set(drafts[:-MAX_DRAFTS]) if len(drafts) > MAX_DRAFTS else set()
    return [r for i, r in enumerate(records) if i not in dropped]
