"""What comes in from outside — a report file, a pasted name — made safe before anything uses it.

A report file may come from any tool or be damaged on the way: a number with a million-digit
exponent, a list nested a thousand deep or a half of a UTF-16 pair must be answered with a
sentence naming the place, in well under a second, before jsonschema recurses or ``int()``
converts. Text is normalised the one way the program compares it (NFC, no zero-width
characters or byte-order marks), so that look-alike names are the same agency.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import Any

MAX_DEPTH = 8  # the deepest place in a report file is $.website_counts_history.YEAR.CATEGORY
MAX_ITEMS = 20_000  # a report holds about 400 values; 80 years of 50 website categories is 4,000
MAX_NUMBER_CHARS = 30  # ±999,999,999 with six decimals fits; anything longer is not a figure
MAX_EXPONENT = 20
MAX_LISTED = 5
NAMES = ("agency", "website_counts", "website_counts_history")  # one-line names: no control character at all

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")  # zero-width, BOM, soft hyphen
_LINE_BREAK = re.compile("[\x0b\x0c\x85\u2028\u2029]")  # Word's line and page breaks
_EXPONENT = re.compile(r"[eE]([+-]?\d+)$")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")  # Unicode category Cc
_CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")  # tab and line breaks are text
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_ODD = "\ud800-\udfff\u00ad\u200b-\u200d\u2060\ufeff\u2028\u2029"
# one pass finds whether a string needs more than NFC: almost none do, and texts run to 500,000 characters
_SUSPECT_IN_TEXT = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_ODD}]")
_SUSPECT_IN_NAME = re.compile(f"[\x00-\x1f\x7f-\x9f{_ODD}]")


TOO_MANY = f"$：内容过多（超过 {MAX_ITEMS} 项），不是报告文件的结构；请确认选对了文件。"
_STRING_LITERAL = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
SCAN_ABOVE = 1_000_000  # characters: smaller files are parsed straight away


def too_many_items(text: str) -> bool:
    """Whether JSON ``text`` holds more values than a report can, counted from its commas and
    brackets outside strings — before json.loads spends seconds building a million of them."""
    if len(text) <= SCAN_ABOVE or text.count(",") + text.count("[") <= MAX_ITEMS:
        return False
    bare = _STRING_LITERAL.sub("", text)
    return bare.count(",") + bare.count("[") + bare.count("{") > MAX_ITEMS


class BadNumber:
    """A JSON number too long or too large to be a figure, kept as written so that the message can quote it."""

    def __init__(self, literal: str):
        self.literal = literal


def parse_int(literal: str):
    """``json.loads`` hook: an int, or BadNumber before Python converts thousands of digits."""
    return BadNumber(literal) if len(literal) > MAX_NUMBER_CHARS else int(literal)


def parse_float(literal: str):
    """``json.loads`` hook: a Decimal, or BadNumber for a long literal or a large exponent."""
    m = _EXPONENT.search(literal)
    if len(literal) > MAX_NUMBER_CHARS or (m and abs(int(m[1])) > MAX_EXPONENT):
        return BadNumber(literal)
    return Decimal(literal)


def clean_text(text: str) -> str:
    """NFC, without zero-width characters, byte-order marks, soft hyphens or control characters
    other than tab and line breaks (Word puts \\x07 after each table cell copied); Word's line and
    page breaks as newlines."""
    return _nfc(_CONTROL_IN_TEXT.sub("", _LINE_BREAK.sub("\n", _INVISIBLE.sub("", text))))


def printable(text: str, name: bool = False) -> str:
    """``text`` without what no file of the program may hold: lone surrogates, and control
    characters — in a name each becomes a space, in a text all but tab and line breaks go."""
    if not (_SUSPECT_IN_NAME if name else _SUSPECT_IN_TEXT).search(text):
        return text
    text = _SURROGATE.sub("", text)
    return _CONTROL.sub(" ", text) if name else _CONTROL_IN_TEXT.sub("", _LINE_BREAK.sub("\n", text))


def clean_name(text: str) -> str:
    """A name as the program keeps and compares it: clean_text, control characters and runs of
    blanks as one space, no blanks around it."""
    return " ".join(clean_text(printable(text, name=True)).split())


def char_name(ch: str) -> str:
    """「U+001B」: how a message names an invisible character."""
    return f"U+{ord(ch):04X}"


def for_terminal(text: str) -> str:
    """``text`` with control characters shown as U+XXXX, so that a name can never move the cursor
    or recolour the terminal it is printed in."""
    return _UNPRINTABLE.sub(lambda m: f"<{char_name(m[0])}>", text)


def _where(path: tuple) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{for_terminal(p)}" for p in path)


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _string_problem(text: str, path: tuple) -> str | None:
    bad = _SURROGATE.search(text)
    if bad:
        return (f"{_where(path)}：含有无效的字符（单独的代理码 {char_name(bad[0])}），"
                "文件可能在转换编码时损坏；请删去后重新保存。")
    bad = _CONTROL.search(text) if path and path[0] in NAMES else None
    if bad:
        return f"{_where(path)}：名称中不能有换行、制表符等控制字符（{char_name(bad[0])}），请删去后重新保存。"
    return None


def _number_problem(n: BadNumber, path: tuple) -> str:
    shown = n.literal if len(n.literal) <= 24 else f"{n.literal[:20]}…（{len(n.literal)} 个字符）"
    return f"{_where(path)}：数字 {shown} 过长或过大，不是报告中的数字（件数最多 999999999，金额请写成字符串）。"


def take_in(data: Any, strict: bool = True) -> tuple[Any, list[str]]:
    """``data`` (parsed JSON) with every string cleaned, and the problems found (Chinese, with
    their JSON path). Iterative, so that depth is measured before anything recurses.

    ``strict`` (a file from outside) refuses lone surrogates and control characters in names;
    otherwise (the store's own records, written by any earlier version) they are dropped or
    become spaces, so that a report once saved always opens.
    """
    problems: list[str] = []
    root: list[Any] = [None]
    stack: list[tuple[Any, Any, Any, tuple]] = [(data, root, 0, ())]
    seen = 0
    while stack:
        value, parent, key, path = stack.pop()
        seen += 1 + (len(value) if isinstance(value, (dict, list)) else 0)
        if seen > MAX_ITEMS:
            return None, [TOO_MANY]
        if len(path) > MAX_DEPTH:
            problems.append(f"{_where(path[:MAX_DEPTH])}：嵌套层数过多（超过 {MAX_DEPTH} 层），不是报告文件的结构。")
            parent[key] = None
            continue
        if isinstance(value, str):
            suspect = _SUSPECT_IN_NAME if path and path[0] in NAMES else _SUSPECT_IN_TEXT
            if not suspect.search(value):
                parent[key] = _nfc(value)
                continue
            why = _string_problem(value, path) if strict else None
            if why:
                problems.append(why)
            in_name = bool(path) and path[0] in NAMES
            parent[key] = value if why else clean_text(printable(value, in_name))
        elif isinstance(value, BadNumber):
            problems.append(_number_problem(value, path))
            parent[key] = None
        elif isinstance(value, dict):
            out: dict[str, Any] = {}
            parent[key] = out
            for k, v in value.items():
                why = _string_problem(k, path + (k,)) if strict else None
                if why:
                    problems.append(why)
                    continue
                ck = clean_text(printable(k, bool(path) and path[0] in NAMES))
                out[ck] = None
                stack.append((v, out, ck, path + (ck,)))
        elif isinstance(value, list):
            items: list[Any] = [None] * len(value)
            parent[key] = items
            stack.extend((v, items, i, path + (i,)) for i, v in enumerate(value))
        else:
            parent[key] = value
    problems.sort()
    return root[0], problems


def summary(problems: list[str]) -> str:
    """The first problems as lines of one message, and how many more there are."""
    more = f"\n……另有 {len(problems) - MAX_LISTED} 处问题" if len(problems) > MAX_LISTED else ""
    return "报告文件内容有误：\n" + "\n".join(problems[:MAX_LISTED]) + more
