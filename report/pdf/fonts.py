"""Choose, load and check the fonts of the PDF, so that no character ever prints as a blank box.

Each role (title, body, heading1, heading2, table) takes the first usable font of: the clerk's
choice, then system fonts by file name (stylesheet.ROLE_FILES), then the fonts shipped in
resources/fonts. Only TrueType (glyf) fonts can be embedded by ReportLab; CFF/OpenType fonts
such as Noto CJK are skipped with the reason. Every character of the document is looked up in
the chosen fonts' character maps before building; a character no font has stops the export.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from report import resources
from report.pdf import PdfError
from report.pdf import stylesheet as ss

_FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")


@dataclass(frozen=True)
class LoadedFont:
    """A registered TrueType face: its ReportLab name, file and character map."""

    name: str
    path: Path
    chars: frozenset[int]

    def has(self, ch: str) -> bool:
        return ord(ch) in self.chars


@dataclass
class FontSet:
    """The font of every role plus the fallbacks used for characters a role's font lacks."""

    roles: dict[str, LoadedFont]
    fallbacks: list[LoadedFont] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # 「file: reason」 for fonts that were not usable

    def chain(self, role: str) -> list[LoadedFont]:
        """Fonts to try for a character of ``role``, the role's own font first."""
        seen, out = set(), []
        for f in [self.roles[role], *self.roles.values(), *self.fallbacks]:
            if f.name not in seen:
                seen.add(f.name)
                out.append(f)
        return out

    def font_for(self, role: str, ch: str) -> LoadedFont | None:
        for f in self.chain(role):
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
    return os.environ.get(ss.FONTS_ENV, "").strip().lower() == "bundled"


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
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    name = f"nb{len(_loaded)}-{path.stem}"
    try:
        font = TTFont(name, str(path), subfontIndex=0)
    except Exception as e:  # noqa: BLE001 — any damaged or unusual file is just an unusable font
        reason = "不允许嵌入" if isinstance(e, TTFError) and "embed" in str(e).lower() else "无法读取"
        raise PdfError(f"字体 {path.name} {reason}，请换用其他字体。") from None
    pdfmetrics.registerFont(font)
    loaded = LoadedFont(name, path, frozenset(font.face.charToGlyph))
    _loaded[key] = loaded
    return loaded


def _chinese(font: LoadedFont) -> bool:
    return all(font.has(c) for c in ss.PROBE_CHARS)


def _candidates(role: str, chosen: dict[str, str | Path]) -> list[Path]:
    out = []
    if chosen.get(role):
        out.append(Path(chosen[role]))
    if not bundled_only():
        index = _system_index()
        out += [index[n] for n in ss.ROLE_FILES[role] if n in index]
    out.append(bundled_dir() / ss.BUNDLED_FILES[role])
    return out


def select(font_files: dict[str, str | Path] | None = None) -> FontSet:
    """The font of every role; PdfError when a clerk's font is unusable or no Chinese font exists."""
    chosen = dict(font_files or {})
    unknown = set(chosen) - set(ss.ROLES)
    if unknown:
        raise PdfError(f"未知的字体用途：{'、'.join(sorted(unknown))}。")
    roles: dict[str, LoadedFont] = {}
    skipped: list[str] = []
    for role in ss.ROLES:
        for path in _candidates(role, chosen):
            try:
                font = load(path)
            except PdfError as e:
                if chosen.get(role) and Path(chosen[role]) == path:
                    raise PdfError(f"所选的{ss.ROLE_NAMES[role]}字体不能使用：{e}请在字体设置中另选一种。") from None
                skipped.append(str(e))
                continue
            if not _chinese(font):
                msg = f"字体 {path.name} 不含中文字符。"
                if chosen.get(role) and Path(chosen[role]) == path:
                    raise PdfError(f"所选的{ss.ROLE_NAMES[role]}字体不能使用：{msg}请在字体设置中另选一种中文字体。")
                skipped.append(msg)
                continue
            roles[role] = font
            break
        else:
            detail = "；".join(dict.fromkeys(skipped)) or "没有找到任何字体文件"
            raise PdfError(
                f"找不到可用于{ss.ROLE_NAMES[role]}的中文 TrueType 字体（{detail}）。"
                f"程序自带的字体应在 {bundled_dir().name} 文件夹中，可能已被删除：请重新安装年报助手，"
                f"或在字体设置中选择一个中文 TrueType 字体（如 simsun.ttc、simfang.ttf）。")
    fallbacks = []
    for name in dict.fromkeys(ss.BUNDLED_FILES.values()):
        try:
            fallbacks.append(load(bundled_dir() / name))
        except PdfError as e:
            skipped.append(str(e))
    return FontSet(roles, fallbacks, skipped)


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
