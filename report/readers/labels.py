"""Comparing what a document prints with the official labels, the way a reader would.

Two labels are the same when their words are: spaces, line breaks, punctuation, bracket
widths and full-width digits do not count, a leading 「一、」「（一）」「1.」 may be left out,
and the variants in resources/readers.toml count as the official label.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache

from report import resources

_NOT_WORD = re.compile(r"[^0-9a-zA-Z\u3400-\u9fff]+")
_ENUM = re.compile(r"^\s*[(（]?\s*([一二三四五六七八九十]+|\d{1,2})\s*[)）]?\s*[、.．,，:：]?\s*")
CN_DIGITS = "〇一二三四五六七八九"


@cache
def variants() -> dict:
    with open(resources.path("readers.toml"), "rb") as fh:
        return tomllib.load(fh)


def key(text: str) -> str:
    """The words of ``text``: what two spellings of one label share."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text))


def core(text: str) -> str:
    """The words without a leading enumerator: 「（一）予以公开」 → 予以公开."""
    t = unicodedata.normalize("NFKC", text)
    m = _ENUM.match(t)
    if m and (m.group(0).strip() != m.group(1) or not m.group(1).isdigit()):
        t = t[m.end():]
    return key(t)


@cache
def _label_keys(label: str) -> tuple[frozenset[str], frozenset[str]]:
    spellings = [label, *variants()["labels"].get(label, ())]
    return frozenset(key(s) for s in spellings), frozenset(core(s) for s in spellings if core(s))


def same(text: str, label: str, loose: bool = True) -> bool:
    """Whether a printed ``text`` is the official ``label`` (or one of its variants); ``loose``
    also lets a leading enumerator be left out on either side."""
    keys, cores = _label_keys(label)
    k = key(text)
    return bool(k) and (k in keys or (loose and core(text) in cores))


def enumerator(text: str) -> tuple[str, int | None]:
    """The leading number of a heading and its kind: ("part", 3) for 「三、」/「3、」,
    ("sub", 3) for 「（三）」/「(3)」, ("", None) when there is none."""
    t = unicodedata.normalize("NFKC", text).lstrip()
    m = re.match(r"^\(\s*([一二三四五六七八九十]+|\d{1,2})\s*\)", t)
    if m:
        return "sub", number(m.group(1))
    m = re.match(r"^([一二三四五六七八九十]+|\d{1,2})\s*[、.,]", t)
    if m and not re.match(r"^\d+\.\d", t):
        return "part", number(m.group(1))
    return "", None


def number(word: str) -> int | None:
    """一 → 1, 十二 → 12, 3 → 3."""
    if word.isdigit():
        return int(word)
    if word == "十":
        return 10
    if word.startswith("十"):
        return 10 + CN_DIGITS.index(word[1])
    if len(word) == 2 and word.endswith("十"):
        return CN_DIGITS.index(word[0]) * 10
    if len(word) == 3 and word[1] == "十":
        return CN_DIGITS.index(word[0]) * 10 + CN_DIGITS.index(word[2])
    return CN_DIGITS.index(word) if len(word) == 1 and word in CN_DIGITS else None


def strip_enumerator(text: str) -> str:
    t = unicodedata.normalize("NFKC", text)
    m = _ENUM.match(t)
    return text[len(text) - len(t[m.end():]):] if m else text
