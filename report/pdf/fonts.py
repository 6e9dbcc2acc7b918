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
    chars: frozenset[int] = field(repr=False)

    def has(self, ch: str) -> bool:
        return ord(ch) in self.chars


def is_latin(ch: str) -> bool:
    """Set in the Latin face: ASCII letters, figures and signs, and accented Latin letters."""
    return " " <= ch <= "~" or "\u00c0" <= ch <= "\u024f"


@dataclass
class FontSet:
    """The faces of every role: its own, its Latin face, and fallbacks for what both lack.

    Fallback files are loaded the first time a character needs them: most reports never do.
    """

    roles: dict[str, LoadedFont]
    latin: dict[str, LoadedFont] = field(default_factory=dict)  # roles without one use their own face
    fallback_files: dict[str, list[Path]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)  # 「file: reason」 for fonts that were not usable
    memo: dict = field(default_factory=dict, repr=False)  # what layout measured with these fonts

    def _primary(self, role: str, ch: str) -> list[LoadedFont]:
        first = [self.latin[role]] if role in self.latin and is_latin(ch) else []
        return [*first, self.roles[role]]

    def fallbacks(self, role: str) -> list[LoadedFont]:
        key = ("fallbacks", role)
        if key not in self.memo:
            self.memo[key] = [f for path in self.fallback_files.get(role, ())
                              if (f := _first_usable([path], bool, self.skipped))]
        return self.memo[key]

    def chain(self, role: str, ch: str = "") -> list[LoadedFont]:
        """Faces to try for a character of ``role``: the Latin face first for a Latin character,
        the role's own face, its fallbacks, then every other role's face."""
        others = [f for r, f in self.roles.items() if r != role]
        seen, out = set(), []
        for f in [*self._primary(role, ch), *self.fallbacks(role), *others]:
            if f.name not in seen:
                seen.add(f.name)
                out.append(f)
        return out

    def font_for(self, role: str, ch: str) -> LoadedFont | None:
        key = ("font", role, ch)
        if key not in self.memo:
            found = next((f for f in self._primary(role, ch) if f.has(ch)), None)
            self.memo[key] = found or next((f for f in self.chain(role, ch) if f.has(ch)), None)
        return self.memo[key]

    def best_for(self, role: str, text: str) -> LoadedFont:
        """The role's first face that has every character of ``text``, else the one with most."""
        chars = set(text)
        if all(self.roles[role].has(c) for c in chars):
            return self.roles[role]
        chain = self.chain(role)
        return max(chain, key=lambda f: (sum(f.has(c) for c in chars), -chain.index(f)))


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


_selected: dict[tuple, tuple[object, FontSet]] = {}


def select(font_files: dict[str, str | Path] | None = None) -> FontSet:
    """The faces of every role; PdfError when a clerk's font is unusable or no Chinese font exists.

    The same choice gives the same FontSet for the life of the process (installed fonts are
    indexed once too), so that a second export measures nothing twice."""
    key = (tuple(sorted((r, str(p)) for r, p in (font_files or {}).items())), bundled_only(), bundled_dir())
    index = None if bundled_only() else _system_index()
    known = _selected.get(key)
    if known is None or known[0] is not index:
        known = _selected[key] = (index, _select(font_files))
    return known[1]


def _select(font_files: dict[str, str | Path] | None) -> FontSet:
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
        fonts.fallback_files[role.id] = [bundled_dir() / n for n in role.fallback]
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
