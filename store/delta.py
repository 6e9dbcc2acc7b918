"""Differences between two versions of a stored report, so that its history grows with what
changed rather than with the size of the report.

A patch is JSON: ``None`` (no change), ``["r", value]`` (replace by value), ``["s", head,
tail, middle]`` (a string keeping its first ``head`` and last ``tail`` characters around a new
middle: a clerk's edit touches one place of a long text), or ``["o", {key: patch}, [removed
keys]]`` (the changes inside an object). ``apply`` never changes its input: the versions
before and after share what did not change.
"""

from __future__ import annotations

from typing import Any

SPLICE_FROM = 64  # shorter strings are simply replaced


def same(a: Any, b: Any) -> bool:
    """Equal as JSON: 1, 1.0 and True differ, as they would in the file."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(v, b[k]) for k, v in a.items())
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def diff(a: Any, b: Any) -> list | None:
    """The patch that turns ``a`` into ``b`` (None if they are the same)."""
    if same(a, b):
        return None
    if isinstance(a, dict) and isinstance(b, dict):
        changed = {}
        for k, v in b.items():
            if k not in a:
                changed[k] = ["r", v]
            else:
                p = diff(a[k], v)
                if p is not None:
                    changed[k] = p
        return ["o", changed, [k for k in a if k not in b]]
    if isinstance(a, str) and isinstance(b, str) and len(b) >= SPLICE_FROM:
        head = _common_length(a, b)
        tail = _common_length(a[head:][::-1], b[head:][::-1])
        return ["s", head, tail, b[head:len(b) - tail]]
    return ["r", b]


def _common_length(a: str, b: str) -> int:
    """Length of the common prefix, by halving (each comparison runs at C speed)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def apply(patch: list | None, a: Any) -> Any:
    """``a`` changed by ``patch``; ValueError if the patch does not fit ``a`` (a damaged record)."""
    if patch is None:
        return a
    try:
        kind = patch[0]
        if kind == "r":
            return patch[1]
        if kind == "s":
            head, tail, middle = patch[1], patch[2], patch[3]
            if not (isinstance(a, str) and isinstance(middle, str) and 0 <= head and 0 <= tail
                    and head + tail <= len(a)):
                raise ValueError("string patch does not fit")
            return a[:head] + middle + a[len(a) - tail:]
        if kind == "o":
            if not isinstance(a, dict):
                raise ValueError("object patch does not fit")
            out = {k: v for k, v in a.items() if k not in patch[2]}
            for k, p in patch[1].items():
                out[k] = apply(p, a.get(k))
            return out
    except (TypeError, IndexError, KeyError, AttributeError) as e:
        raise ValueError(f"malformed patch: {e}") from None
    raise ValueError(f"unknown patch kind {kind!r}")
