"""Local requirement packs: a locality's notice as a data file, read by one small interpreter.

A pack (``resources/rules/local/*.toml``, or any file the clerk or a 政务公开办 writes in the
same form) names its notice, the report year it applies to, an optional earlier deadline and
a list of rules of four kinds — no code per locality::

    [[rules]]
    kind = "字数上限"          # 字数上限 | 字数下限 | 须提及 | 须写明数量
    part = "总体情况"          # a part of the format, by heading or number (一、总体情况)
    limit = 1000

A file that is not such a pack is refused with a Chinese message naming the line to fix.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from report import resources
from report.checks.context import Context
from report.document import count_chars
from report.findings import Finding, Ref, Severity
from report.forms import Form, form_for_year, load_form

SHIPPED = resources.path("rules", "local")
SEVERITY = {"警告": Severity.WARNING, "提示": Severity.NOTE}  # a local rule never blocks 定稿
# kind → (finding rule id, what the rule needs besides ``part``)
KINDS = {"字数上限": ("L-MAX", "limit"), "字数下限": ("L-MIN", "limit"),
         "须提及": ("L-WORD", "words"), "须写明数量": ("L-COUNT", "words")}
TOP_KEYS = {"name", "notice", "issued", "year", "deadline", "rules"}
RULE_KEYS = {"kind", "part", "limit", "words", "item", "severity"}
SENTENCE = re.compile(r"[^。；;！？!?\n]+")
CLAUSE = re.compile(r"[^，,]+")
TOTAL = re.compile(r"\s*(?:共|合计|累计|总计|计|达)")  # a clause that gives the figure of the clause before
# a figure with its measure word (“1.3万余条”, “12期”, “三个”); a year (“2025年”) is not a count
FIGURE = re.compile(r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*[万千百]?余?\s*"
                    r"(?:条|篇|期|件|个|次|项|份|场|部|批|家|类|人次|万)")


class PackError(ValueError):
    """A pack file that cannot be used; ``str()`` names the file and the line, in Chinese."""


@dataclass(frozen=True)
class PackRule:
    kind: str
    part: str  # the part's title as findings print it
    fields: tuple[str, ...]  # text fields of that part
    limit: int | None
    words: tuple[str, ...]
    item: str
    severity: Severity


@dataclass(frozen=True)
class Pack:
    id: str  # the file name without .toml
    name: str
    notice: str
    issued: dt.date
    year: int  # the report year the notice is about
    deadline: dt.date | None
    rules: tuple[PackRule, ...]
    path: Path

    @property
    def source(self) -> str:
        return f"{self.name}（{self.notice}）"


# ---------------------------------------------------------------------------------------- loading
class _Lines:
    """Where a key stands in the file, so that a message can name the line to fix."""

    def __init__(self, text: str):
        self.lines = text.splitlines()
        self.rule_starts = [i for i, line in enumerate(self.lines) if re.match(r"\s*\[\[\s*rules\s*\]\]", line)]

    def of(self, key: str, rule: int | None = None) -> int:
        start, end = 0, (self.rule_starts[0] if self.rule_starts else len(self.lines))
        if rule is not None:
            start = self.rule_starts[rule]
            end = self.rule_starts[rule + 1] if rule + 1 < len(self.rule_starts) else len(self.lines)
        for i in range(start, end):
            if re.match(rf"\s*\"?{re.escape(key)}\"?\s*=", self.lines[i]):
                return i + 1
        return start + 1


def load_pack(path: str | Path) -> Pack:
    """The pack in ``path``; PackError (Chinese, with the line) for anything else."""
    p = Path(path)
    try:
        text = p.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise PackError(f"要求文件 {p.name} 无法读取（{e}）：请确认文件存在，并以 UTF-8 编码保存。") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"line (\d+), column (\d+)", str(e))
        where = f"第 {m[1]} 行第 {m[2]} 列" if m else "末尾" if "end of document" in str(e) else "中"
        raise PackError(f"要求文件 {p.name} {where}写法有误：每项写成 名称 = 值，文字放在英文双引号中，"
                        "方括号和引号须成对。") from None
    lines = _Lines(text)

    def fail(line: int, why: str):
        raise PackError(f"要求文件 {p.name} 第 {line} 行：{why}")

    for key in data:
        if key not in TOP_KEYS:
            fail(lines.of(key), f"不认识的项“{key}”，可用的项有：{'、'.join(sorted(TOP_KEYS))}。")
    for key, kind in (("name", str), ("notice", str), ("issued", dt.date), ("year", int)):
        if not isinstance(data.get(key), kind) or isinstance(data.get(key), dt.datetime | bool):
            fail(lines.of(key), {"name": "缺少要求的名称，如 name = \"武威市 2025 年度报告要求\"。",
                                 "notice": "缺少通知文号，如 notice = \"武政办发〔2025〕54号\"。",
                                 "issued": "缺少通知日期，写成 issued = 2025-12-19（不加引号）。",
                                 "year": "缺少适用的报告年度，如 year = 2025。"}[key])
    year = data["year"]
    deadline = data.get("deadline")
    if deadline is not None and (not isinstance(deadline, dt.date) or isinstance(deadline, dt.datetime)
                                 or not dt.date(year + 1, 1, 1) <= deadline <= dt.date(year + 1, 3, 31)):
        fail(lines.of("deadline"), f"发布截止日期应写成 {year + 1}-03-25 这样的日期（不加引号），"
                                   f"且在 {year + 1} 年 1 月 1 日至 3 月 31 日之间。")
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        fail(lines.of("rules"), "没有任何规则：每条规则以 [[rules]] 开头。")
    form = load_form(form_for_year(year))
    rules = tuple(_rule(r, i, form, lines, fail) for i, r in enumerate(raw_rules))
    return Pack(p.stem, data["name"], data["notice"], data["issued"], year, deadline, rules, p)


def _rule(raw: dict, n: int, form: Form, lines: _Lines, fail) -> PackRule:
    for key in raw:
        if key not in RULE_KEYS:
            fail(lines.of(key, n),
                 f"第 {n + 1} 条规则中不认识的项“{key}”，可用的项有：{'、'.join(sorted(RULE_KEYS))}。")
    kind = raw.get("kind")
    if kind not in KINDS:
        fail(lines.of("kind", n), f"第 {n + 1} 条规则的 kind 应为 {'、'.join(KINDS)} 之一，文件中写的是“{kind}”。")
    part = _part(form, raw.get("part"))
    if part is None:
        titles = "、".join(p.heading for p in form.parts if p.fields)
        fail(lines.of("part", n), f"第 {n + 1} 条规则的 part 应为报告的一个部分（{titles}），"
                                  f"文件中写的是“{raw.get('part')}”。")
    limit, words = raw.get("limit"), raw.get("words", [])
    needs = KINDS[kind][1]
    if needs == "limit" and (not isinstance(limit, int) or isinstance(limit, bool) or limit <= 0):
        fail(lines.of("limit", n), f"第 {n + 1} 条规则（{kind}）需要字数 limit，写成 limit = 1000。")
    if needs == "words" and (not isinstance(words, list) or not words
                             or not all(isinstance(w, str) and w.strip() for w in words)):
        fail(lines.of("words", n),
             f"第 {n + 1} 条规则（{kind}）需要要找的词 words，写成 words = [\"网站\", \"门户网站\"]。")
    severity = raw.get("severity", "警告")
    if severity not in SEVERITY:
        fail(lines.of("severity", n), f"第 {n + 1} 条规则的 severity 只能是“警告”或“提示”（地方要求不阻止定稿）。")
    item = raw.get("item") or "、".join(words)
    if not isinstance(item, str):
        fail(lines.of("item", n), f"第 {n + 1} 条规则的 item 应为文字，如 item = \"政府网站发布信息\"。")
    return PackRule(kind, part.title, tuple(f.id for f in part.fields), limit if needs == "limit" else None,
                    tuple(w.strip() for w in words) if needs == "words" else (), item, SEVERITY[severity])


def _part(form: Form, name):
    """The part named by heading (总体情况), title (一、总体情况), number (一) or id (overview)."""
    if not isinstance(name, str):
        return None
    name = name.strip()
    for part in form.parts:
        if part.fields and name in (part.heading, part.title, part.number, part.id):
            return part
    return None


def available(folders: Iterable[Path] = ()) -> tuple[list[Pack], list[str]]:
    """The shipped packs and those in ``folders``, by id; and a message for each file that is refused."""
    packs: dict[str, Pack] = {}
    problems = []
    for folder in (SHIPPED, *folders):
        for path in sorted(Path(folder).glob("*.toml")) if Path(folder).is_dir() else ():
            try:
                packs.setdefault(path.stem, load_pack(path))
            except PackError as e:
                problems.append(str(e))
    return sorted(packs.values(), key=lambda p: p.id), problems


def find(name: str, folders: Iterable[Path] = ()) -> Pack:
    """The pack with id ``name``, or the pack file at path ``name``."""
    if name.endswith(".toml") or Path(name).is_file():
        return load_pack(name)
    folders = tuple(folders)
    for folder in (SHIPPED, *folders):
        path = Path(folder) / f"{name}.toml"
        if path.is_file():
            return load_pack(path)
    ids = "、".join(p.id for p in available(folders)[0]) or "（无）"
    raise PackError(f"没有名为“{name}”的地方要求，可用的有：{ids}。")


# ---------------------------------------------------------------------------------------- checking
def findings(ctx: Context, packs: Iterable[Pack]) -> list[Finding]:
    """What the packs that apply to this report's year find in it."""
    out = []
    for pack in packs:
        if pack.year != ctx.report.year:
            continue
        for r in pack.rules:
            text = "\n".join(ctx.text(fid) for fid in r.fields)
            why = _problem(r, text, pack)
            if why:
                out.append(Finding(KINDS[r.kind][0], r.severity, why, tuple(Ref.text(fid) for fid in r.fields)))
    return out


def _counted(sentence: str, words: tuple[str, ...]) -> bool:
    """A clause names one of ``words`` and gives a figure, or the next clause totals it (“网站发布信息，共 120 条”)."""
    clauses = CLAUSE.findall(sentence)
    return any(any(w in c for w in words) and (FIGURE.search(c) or any(TOTAL.match(n) and FIGURE.search(n)
                                                                       for n in clauses[i + 1:i + 2]))
               for i, c in enumerate(clauses))


def _problem(r: PackRule, text: str, pack: Pack) -> str | None:
    if r.kind == "字数上限":
        n = count_chars(text)
        return (f"{r.part}共 {n} 字，{pack.source}要求不超过 {r.limit} 字：请精简约 {n - r.limit} 字。"
                if n > r.limit else None)
    if r.kind == "字数下限":
        n = count_chars(text)
        return f"{r.part}只有 {n} 字，{pack.source}要求不少于 {r.limit} 字。" if n < r.limit else None
    if r.kind == "须提及":
        return None if any(w in text for w in r.words) else (f"{r.part}没有提到{r.item}，{pack.source}要求写明"
                                                             f"（未找到“{'”“'.join(r.words)}”）。")
    if any(_counted(sentence, r.words) for sentence in SENTENCE.findall(text)):
        return None
    return (f"{r.part}没有写明{r.item}的数量，{pack.source}要求报告（未找到与“{'”“'.join(r.words)}”"
            "同句的数字，如“发布信息 120 条”）。")
