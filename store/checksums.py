"""Checksums that make a flipped bit in a store file visible instead of silently changing a report.

Every record of an agency file (meta, agency, each report) carries ``sum``: a SHA-256 over the
record's other fields in a canonical form (sorted keys, so that the order TinyDB or a patch
leaves them in does not matter). A report's content ``doc`` has its own ``doc_sum`` (hashed
once, covered by ``sum``), which the revision log also uses to tell whether a version it
rebuilt is exactly the one that was saved.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

SUM, DOC, DOC_SUM = "sum", "doc", "doc_sum"


def of(value: Any) -> str:
    """The checksum of a JSON value (hex, 32 characters are plenty to detect damage)."""
    raw = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def seal(record: dict) -> dict:
    """``record`` with its checksum set (a new dict). A ``doc_sum`` the record carries is kept:
    whoever builds a record with a new ``doc`` leaves it out (or sets it), so that a
    content hashed once for the revision log is not hashed again."""
    body = {k: v for k, v in record.items() if k != SUM}
    if DOC in body and DOC_SUM not in body:
        body[DOC_SUM] = of(body[DOC])
    return {**body, SUM: _outer(body)}


def intact(record: Any) -> bool:
    """True if ``record`` is a dict whose checksums match."""
    if not isinstance(record, dict) or not isinstance(record.get(SUM), str):
        return False
    body = {k: v for k, v in record.items() if k != SUM}
    try:
        if DOC in body and body.get(DOC_SUM) != of(body[DOC]):
            return False
        return record[SUM] == _outer(body)
    except (TypeError, ValueError):
        return False


def _outer(body: dict) -> str:
    """The record's checksum: the content enters through ``doc_sum``, so it is hashed once."""
    return of({k: v for k, v in body.items() if k != DOC})
