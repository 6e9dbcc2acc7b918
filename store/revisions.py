"""Earlier versions of one report, so that a clerk can go back to what it was yesterday.

An append-only log per report, one record a line. Records:

- ``draft``: the content a save replaced (with the time that content was saved);
- ``replaced``: the content an import with ``--replace`` replaced;
- ``final``: the immutable snapshot taken when the report was marked final (定稿);
- ``reopen``: the report was taken back to draft (撤回为草稿); no content.

Growth stays proportional to what changed, not to the report's size times its history: a
content record holds its content in full (``doc``) only every ``KEYFRAME_EVERY`` records
(and for every ``final``); the others hold ``next``, the difference (store.delta) from the
previous record's content to the content that was saved then. So a version is rebuilt from
the nearest full one, and the newest record leads to the content saved last — which lets a
damaged report record be rebuilt from its history (store.recovery). Every content record
carries the checksum of its content (``sum``, and ``next_sum`` after its change), and every
line a CRC: a damaged or torn line, or a version whose rebuilt content does not match its
checksum, is never handed out as the report.

Appending costs one small write and one fsync, and reads at most the last line of the file.
Bounded: every ``final`` and ``reopen`` record is kept, and the last ``MAX_DRAFTS`` content
records; once ``COMPACT_AT`` content records have piled up the file is rewritten
(atomically) from the full record the oldest kept one is built from.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from report import dates
from store import checksums, delta
from store.storage import append_line, atomic_write, dumps

MAX_DRAFTS = 100
KEYFRAME_EVERY = 40
COMPACT_AT = MAX_DRAFTS + KEYFRAME_EVERY + 10
DRAFT_KINDS = ("draft", "replaced")
CONTENT_KINDS = (*DRAFT_KINDS, "final")
_HEAD = re.compile(rb'^\{"id":-?\d+,"time":"[^"]*","kind":"(\w+)"(?:,"k":(\d+))?')
_TAIL_CHUNK = 1 << 16


@dataclass(frozen=True)
class Revision:
    id: int
    time: dt.datetime
    kind: str  # draft | replaced | final | reopen
    has_content: bool


def encode(rec: dict) -> bytes:
    """One log line: the CRC-32 of the JSON, a space, the JSON."""
    body = dumps(rec)
    return b"%08x " % zlib.crc32(body) + body


def decode(line: bytes) -> dict | None:
    """The record on a line, or None if it is torn or damaged (a line of an older program has no CRC)."""
    line = line.strip()
    if not line:
        return None
    if line[:1] != b"{":
        crc, _, line = line.partition(b" ")
        try:
            if int(crc, 16) != zlib.crc32(line):
                return None
        except ValueError:
            return None
    try:
        rec = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if isinstance(rec, dict) and isinstance(rec.get("id"), int) and rec.get("kind") in (*CONTENT_KINDS, "reopen"):
        return rec
    return None


class RevisionLog:
    def __init__(self, path: Path):
        self.path = path
        self._tail: dict | None = None  # the last record, as appended or read
        self._count: int | None = None  # content records in the file
        self._parsed: tuple[tuple[int, int], list[dict]] | None = None  # (file stamp, records)
        self._chain: list[dict] = []  # every readable record, oldest first
        self._segment: dict[int, dict | None] = {}  # record id → rebuilt content, for one stretch
        self._verified: set[int] = set()  # records of the stretch whose content matched its checksum

    # ------------------------------------------------------------------ reading
    def records(self) -> list[dict]:
        """The visible records, oldest first; a record torn by a crash or damaged is skipped."""
        try:
            st = self.path.stat()
            stamp = (st.st_mtime_ns, st.st_size)
            if self._parsed and self._parsed[0] == stamp:
                return self._parsed[1]
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        every = [r for r in map(decode, raw.split(b"\n")) if r is not None]
        visible = _visible(every)
        self._parsed = (stamp, visible)
        self._chain = every
        self._segment, self._verified = {}, set()
        return visible

    def list(self) -> list[Revision]:
        """Newest first."""
        return [Revision(r["id"], dates.parse_iso_time(r["time"]), r["kind"], r["kind"] in CONTENT_KINDS)
                for r in reversed(self.records())]

    def get(self, rev_id: int) -> dict | None:
        """The record with its content rebuilt in ``doc`` (None if the content cannot be
        rebuilt exactly: the record is then left out of reach, never served damaged)."""
        rec = next((r for r in self.records() if r["id"] == rev_id), None)
        if rec is None or rec["kind"] not in CONTENT_KINDS:
            return rec
        doc = self._content(rev_id)
        return {**rec, "doc": doc} if doc is not None else None

    def newest(self) -> tuple[dict, str, str] | None:
        """The content saved last, rebuilt from the log, with the time it was saved and the status it
        had then ("final" if a 定稿 snapshot is the last event); None if it cannot be rebuilt exactly."""
        self.records()
        content = [r for r in self._chain if r["kind"] in CONTENT_KINDS]
        if not content or "next" not in content[-1]:  # none, or written by an older program
            return None
        last = content[-1]
        doc = _follow(last, self._content(last["id"]), None)
        if doc is None or checksums.of(doc) != last["next_sum"]:
            return None
        return doc, last.get("next_time", last["time"]), "final" if self._chain[-1]["kind"] == "final" else "draft"

    def _content(self, rev_id: int) -> dict | None:
        """The content of record ``rev_id``, rebuilt from the nearest full record before it; the
        contents of that whole stretch are kept, since 历史版本 reads one record after another."""
        chain = [r for r in self._chain if r["kind"] in CONTENT_KINDS]
        end = next(i for i, r in enumerate(chain) if r["id"] == rev_id)
        if rev_id not in self._segment:
            start = end
            while start > 0 and chain[start].get("doc") is None:
                start -= 1
            self._segment, self._verified, content = {}, set(), None
            for i in range(start, end + 1):
                r = chain[i]
                content = r["doc"] if r.get("doc") is not None else _follow(chain[i - 1] if i else None, content, r)
                self._segment[r["id"]] = content
        content = self._segment[rev_id]
        if content is not None and rev_id not in self._verified:  # checked when served, once
            if not _matches(chain[end], content):
                self._segment[rev_id] = content = None
            self._verified.add(rev_id)
        return content

    # ------------------------------------------------------------------ writing
    def append(self, kind: str, when: str, old: dict | None = None, new: dict | None = None,
               old_sum: str | None = None, new_sum: str | None = None, saved_at: str | None = None) -> int:
        """Record an event; returns the file's size before it (``truncate`` undoes the append).

        ``old`` is the content the event concerns (the content replaced, or the 定稿 snapshot);
        for a save, ``new`` is the content saved now at ``saved_at``. The sums are the
        contents' checksums when the caller has them already."""
        size = self.size()
        rec: dict = {"id": time.time_ns(), "time": when, "kind": kind}
        if kind in CONTENT_KINDS:
            old_sum = old_sum or checksums.of(old)
            if kind == "final":
                new, new_sum = old, old_sum
            new_sum = new_sum or checksums.of(new)
            tail = self._last()
            chained = (kind != "final" and tail is not None and tail.get("next_sum") == old_sum
                       and tail.get("k", KEYFRAME_EVERY) + 1 < KEYFRAME_EVERY)
            rec["k"] = tail["k"] + 1 if chained else 0
            rec["sum"] = old_sum
            if not chained:
                rec["doc"] = old
            rec.update({"next": delta.diff(old, new), "next_sum": new_sum, "next_time": saved_at or when})
            rec["n"] = self._content_count() + 1
        append_line(self.path, encode(rec))
        self._tail = rec
        if kind in CONTENT_KINDS:
            self._count = rec["n"]
        return size

    def truncate(self, size: int) -> None:
        """Undo appends made after the file had ``size`` bytes (a save that failed later)."""
        try:
            if size == 0:
                self.path.unlink(missing_ok=True)
            else:
                os.truncate(self.path, size)
        except OSError:
            pass  # the extra record describes content that is still current: harmless
        self._tail = self._count = None

    def compact_if_due(self) -> None:
        """Rewrite the file without the content records beyond the last MAX_DRAFTS, once enough piled up."""
        if (self._count or 0) < COMPACT_AT:
            return
        raw = self.path.read_bytes()
        lines = [ln for ln in raw.split(b"\n") if ln.strip()]
        heads = [_head(ln) for ln in lines]
        content = [i for i, (kind, _) in enumerate(heads) if kind in DRAFT_KINDS]
        cut = content[-MAX_DRAFTS] if len(content) > MAX_DRAFTS else 0
        start = cut
        while start > 0 and not (heads[start][0] in CONTENT_KINDS and heads[start][1] == 0):
            start -= 1
        kept = [ln for i, ln in enumerate(lines) if i >= start or heads[i][0] in ("final", "reopen")]
        count = sum(_head(ln)[0] in CONTENT_KINDS for ln in kept)
        last = decode(kept[-1])
        if last is not None and last["kind"] in CONTENT_KINDS:
            last["n"] = count
            kept[-1] = encode(last)
        atomic_write(self.path, b"".join(b"\n" + ln for ln in kept))
        self._count, self._tail, self._parsed = count, last, None

    # ------------------------------------------------------------------ helpers
    def size(self) -> int:
        """The file's size in bytes (0 if there is none yet)."""
        try:
            return self.path.stat().st_size
        except FileNotFoundError:
            return 0

    def _last(self) -> dict | None:
        """The last record of the file, reading no more than its last line."""
        if self._tail is None:
            self._tail = _read_last_line(self.path)
        return self._tail

    def _content_count(self) -> int:
        if self._count is None:
            tail = self._last()
            if tail is not None and isinstance(tail.get("n"), int):
                self._count = tail["n"]
            else:  # a log of an older program: count once
                try:
                    raw = self.path.read_bytes()
                except FileNotFoundError:
                    raw = b""
                self._count = sum(_head(ln)[0] in CONTENT_KINDS for ln in raw.split(b"\n") if ln.strip())
        return self._count


def _head(line: bytes) -> tuple[str | None, int | None]:
    """The kind and chain position of a line, read from its start without parsing the whole record."""
    if line[:1] != b"{":
        line = line.partition(b" ")[2]
    m = _HEAD.match(line)
    if not m:
        return None, None
    return m.group(1).decode(), int(m.group(2)) if m.group(2) is not None else 0


def _follow(prev: dict | None, content: dict | None, rec: dict | None) -> dict | None:
    """The content ``prev``'s change leads to (which ``rec``, if given, must stand for)."""
    if prev is None or content is None or "next" not in prev:
        return None
    if rec is not None and prev.get("next_sum") != rec.get("sum"):
        return None
    try:
        return delta.apply(prev["next"], content)
    except ValueError:
        return None


def _matches(rec: dict, content: dict) -> bool:
    """True if ``content`` is exactly what ``rec`` stands for (a record of an older program has no sum)."""
    return "sum" not in rec or checksums.of(content) == rec["sum"]


def _read_last_line(path: Path) -> dict | None:
    try:
        with open(path, "rb") as fh:
            end = fh.seek(0, os.SEEK_END)
            buf, pos = b"", end
            while pos > 0:
                step = min(_TAIL_CHUNK, pos)
                pos -= step
                fh.seek(pos)
                buf = fh.read(step) + buf
                nl = buf.rfind(b"\n", 0, len(buf.rstrip(b"\n")))
                if nl >= 0:
                    return decode(buf[nl + 1:])
            return decode(buf)
    except FileNotFoundError:
        return None


def _visible(records: list[dict]) -> list[dict]:
    """Every final/reopen record and the last MAX_DRAFTS content records, in log order."""
    drafts = [i for i, r in enumerate(records) if r["kind"] in DRAFT_KINDS]
    dropped = set(drafts[:-MAX_DRAFTS]) if len(drafts) > MAX_DRAFTS else set()
    return [r for i, r in enumerate(records) if i not in dropped]
