"""Choose, load and check the fonts of the PDF, so that no character ever prints as a blank box.

Each role (resources/fonts/roles.toml) takes the first usable face of: the clerk's choice, then
installed fonts by file name, then the face shipped in resources/fonts; Latin letters and
figures take the role's Latin face, and a character neither has comes from the role's
fallbacks. Only TrueType (glyf) fonts can be embedded by ReportLab; CFF/OpenType fonts such as
Noto CJK are skipped with the reason. Every character of the document is looked up in the
chosen fonts' character maps before building; a character no font has stops the export.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from report import resources
from report.pdf import PdfError
from report.pdf.font_roles import FontRole, roles

_FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")
FONTS_ENV = "NIANBAO_FONTS"  # "bundled": only the shipped fonts (reproducible tests and documents)
PROBE_CHARS = "中国政府信息公开年度报告"  # a font without these is not a Chinese font
LATIN_PROBE = "Aa0"


@dataclass(frozen=True)
class LoadedFont:
    """A registered TrueType face: its ReportLab name, file and character map."""

    name: str
    path: Path
    chars: frozenset[int]

    def has(self, ch: str) -> bool:
        return ord(ch) in self.chars


def is_latin(ch: str) -> bool:
    """Set in the Latin face: ASCII letters, figures and signs, and accented Latin letters."""
    return " " <= ch <= "~" or "\u00c0" <= ch <= "\u024f"


@dataclass
class FontSet:
    """The faces of every role: its own, its Latin face, and fallbacks for what both lack."""

    roles: dict[str, LoadedFont]
    latin: dict[str, LoadedFont] = field(default_factory=dict)  # roles without one use their own face
    fallbacks: dict[str, list[LoadedFont]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)  # 「file: reason」 for fonts that were not usable

    def chain(self, role: str, ch: str = "") -> list[LoadedFont]:
        """Faces to try for a character of ``role``: the Latin face first for a Latin character,
        the role's own face, its fallbacks, then every other role's face."""
        first = [self.latin[role]] if role in self.latin and is_latin(ch) else []
        others = [f for r, f in self.roles.items() if r != role]
        seen, out = set(), []
        for f in [*first, self.roles[role], *self.fallbacks.get(role, ()), *others]:
            if f.name not in seen:
                seen.add(f.name)
                out.append(f)
        return out

    def font_for(self, role: str, ch: str) -> LoadedFont | None:
        for f in self.chain(role, ch):
            if f.has(ch):
                return f
        return None


def bundled_dir() -> Path:
    return resources.path("fonts")


def system_dirs() -> list[Path]:
    """The usual font folders of Windows, Linux and macOS that exist on this machine."""
    home = Path.home()
    dirs = []
    if os.name == "nt":
        dirs.append(Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts")
        if os.environ.get("LOCALAPPDATA"):
            dirs.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
    else:
        dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".local/share/fonts",
                 home / ".fonts", Path("/Library/Fonts"), home / "Library/Fonts"]
    return [d for d in dirs if d.is_dir()]


@cache
def _system_index() -> dict[str, Path]:
    """Font files under the system folders, by lower-case file name (first found wins)."""
    index: dict[str, Path] = {}
    for d in system_dirs():
        for root, _dirs, files in os.walk(d):
            for name in files:
                if name.lower().endswith(_FONT_SUFFIXES):
                    index.setdefault(name.lower(), Path(root) / name)
    return index


def bundled_only() -> bool:
    return os.environ.get(FONTS_ENV, "").strip().lower() == "bundled"


def _outline_problem(path: Path) -> str | None:
    """Why ReportLab cannot embed this file, or None for a TrueType (glyf) face."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
            tag = head[:4]
            if tag == b"ttcf" and len(head) >= 16:
                (offset,) = struct.unpack(">I", head[12:16])
                fh.seek(offset)
                tag = fh.read(4)
    except OSError as e:
        return f"无法读取（{e.strerror or e}）"
    if tag == b"OTTO":
        return "是 OpenType/CFF 字体（如思源、Noto CJK），无法嵌入 PDF，请改用 TrueType 字体"
    if tag not in (b"\x00\x01\x00\x00", b"true"):
        return "不是 TrueType 字体文件"
    return None


_loaded: dict[str, LoadedFont] = {}


def load(path: str | Path) -> LoadedFont:
    """Register a TrueType file with ReportLab once per process; PdfError if it cannot be used."""
    path = Path(path)
    key = str(path.resolve())
    if key in _loaded:
        return _loaded[key]
    if not path.is_file():
        raise PdfError(f"找不到字体文件：{path.name}")
    problem = _outline_problem(path)
    if problem:
        raise PdfError(f"字体 {path.name} {problem}。")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError

    from report.pdf.font_cache import ttfont

    name = f"nb{len(_loaded)}-{path.stem}"
    try:
        font = ttfont(name, path)
    except Exception as e:  # noqa: BLE001 — any damaged or unusual file is just an unusable font
        reason = "不允许嵌入" if isinstance(e, TTFError) and "embed" in str(e).lower() else "无法读取"
        raise PdfError(f"字体 {path.name} {reason}，请换用其他字体。") from None
    pdfmetrics.registerFont(font)
    loaded = LoadedFont(name, path, frozenset(font.face.charToGlyph))
    _loaded[key] = loaded
    return loaded


def _chinese(font: LoadedFont) -> bool:
    return all(font.has(c) for c in PROBE_CHARS)


def _installed(names) -> list[Path]:
    if bundled_only():
        return []
    index = _system_index()
    return [index[n.lower()] for n in names if n.lower() in index]


def _candidates(role: FontRole, chosen: dict[str, str | Path]) -> list[Path]:
    out = [Path(chosen[role.id])] if chosen.get(role.id) else []
    return [*out, *_installed(role.system), bundled_dir() / role.bundled]


def _first_usable(paths, usable, skipped: list[str]) -> LoadedFont | None:
    for path in paths:
        try:
            font = load(path)
        except PdfError as e:
            skipped.append(str(e))
            continue
        if usable(font):
            return font
    return None


def _own_face(role: FontRole, chosen: dict, skipped: list[str]) -> LoadedFont:
    for path in _candidates(role, chosen):
        mine = bool(chosen.get(role.id)) and Path(chosen[role.id]) == path
        try:
            font = load(path)
        except PdfError as e:
            if mine:
                raise PdfError(f"所选的{role.name}字体不能使用：{e}请在字体设置中另选一种。") from None
            skipped.append(str(e))
            continue
        if _chinese(font):
            return font
        msg = f"字体 {path.name} 不含中文字符。"
        if mine:
            raise PdfError(f"所选的{role.name}字体不能使用：{msg}请在字体设置中另选一种中文字体。")
        skipped.append(msg)
    detail = "；".join(dict.fromkeys(skipped)) or "没有找到任何字体文件"
    raise PdfError(
        f"找不到可用于{role.name}的中文 TrueType 字体（{detail}）。"
        f"程序自带的字体应在 {bundled_dir().name} 文件夹中，可能已被删除：请重新安装年报助手，"
        f"或在字体设置中选择一个中文 TrueType 字体（如 simsun.ttc、simfang.ttf）。")


def select(font_files: dict[str, str | Path] | None = None) -> FontSet:
    """The faces of every role; PdfError when a clerk's font is unusable or no Chinese font exists."""
    chosen = dict(font_files or {})
    unknown = set(chosen) - set(roles())
    if unknown:
        raise PdfError(f"未知的字体用途：{'、'.join(sorted(unknown))}。")
    fonts = FontSet({})
    for role in roles().values():
        fonts.roles[role.id] = _own_face(role, chosen, fonts.skipped)
        shipped = [bundled_dir() / n for n in role.latin if (bundled_dir() / n).is_file()]
        latin = _first_usable([*_installed(role.latin), *shipped],
                              lambda f: all(f.has(c) for c in LATIN_PROBE), fonts.skipped)
        if latin:
            fonts.latin[role.id] = latin
        fonts.fallbacks[role.id] = [f for n in role.fallback
                                    if (f := _first_usable([bundled_dir() / n], bool, fonts.skipped))]
    return fonts


def describe(ch: str) -> str:
    """A character as the clerk can find it: itself when visible, always with its code point."""
    import unicodedata

    visible = unicodedata.category(ch)[0] not in "CZ"
    return f"“{ch}”（U+{ord(ch):04X}）" if visible else f"不可见字符 U+{ord(ch):04X}"


def check_coverage(fonts: FontSet, texts) -> None:
    """PdfError listing every character that no font has, and where it occurs.

    ``texts`` yields (role, text, where); ``where`` names the place in the report (part, field).
    """
    missing: dict[str, list[str]] = {}
    cache_ok: dict[tuple[str, str], bool] = {}
    for role, text, where in texts:
        for ch in set(text):
            if ch == "\n":
                continue
            key = (role, ch)
            if key not in cache_ok:
                cache_ok[key] = fonts.font_for(role, ch) is not None
            if not cache_ok[key]:
                places = missing.setdefault(ch, [])
                if where not in places:
                    places.append(where)
    if missing:
        items = "；".join(f"{describe(ch)}，出现在：{'、'.join(places)}" for ch, places in missing.items())
        raise PdfError(f"有 {len(missing)} 个字符在所有可用字体中都没有，打印出来会是空白方框，因此没有导出：{items}。"
                       f"请把这些字符删除或改为常用字符后再导出。")
