"""ReportLab's parse of a TrueType file, kept between runs in the user cache folder.

Parsing a CJK font (character map, widths, glyph offsets of 10 000–30 000 glyphs) takes
ReportLab 20–70 ms per file, every time a process exports its first PDF. The parsed tables are
pickled per file, keyed by the file's path, size and modification time and by the ReportLab
version, so a changed or replaced font is parsed again. The font file itself is mapped into
memory, not read: ReportLab reads only the glyphs it embeds.

Unpickling is then what the fonts cost a new process, so what ReportLab only indexes (glyph
offsets, horizontal metrics) is kept as arrays, not as 10 000 ints or tuples, and the glyph →
characters map, which it reads only when shaping, as pickled bytes opened on first use. The
character map and widths stay dicts: every export looks them up.

Within one process, a font subset once embedded (the same characters of the same face) is
kept with its compressed bytes: a second export of the same report in the running window
neither subsets the fonts nor deflates them again (about 40 % of a warm export).

The folder is the operating system's per-user cache (platformdirs), or ``NIANBAO_CACHE_DIR``.
It is decided here, not in store/, because report/ never imports store/. A missing, damaged or
unwritable cache only costs the parse: the export never fails because of it.
"""

from __future__ import annotations

import hashlib
import logging
import mmap
import os
import pickle
import zlib
from array import array
from fnmatch import fnmatch
from functools import cache
from pathlib import Path
from weakref import WeakKeyDictionary

ENV_VAR = "NIANBAO_CACHE_DIR"
_FORMAT = 2  # bump when what is stored changes
_NOT_STORED = ("_ttf_data", "_pdfScale", "_subsets")  # the file's bytes (mapped instead), a lambda, a memo
_SUBSETS_KEPT = 16  # subsets remembered per face: a few reports' worth (up to 100 KiB + 70 KiB compressed each)
log = logging.getLogger(__name__)


def cache_dir() -> Path:
    folder = os.environ.get(ENV_VAR)
    if folder:
        return Path(folder) / "fonts"
    from platformdirs import user_cache_path

    return user_cache_path("nianbao", appauthor=False) / "fonts"


def _entry(path: Path, subfont: int) -> Path:
    from reportlab import Version

    st = path.stat()
    key = f"{_FORMAT}|{Version}|{path}|{subfont}|{st.st_size}|{st.st_mtime_ns}"
    return cache_dir() / (hashlib.sha256(key.encode()).hexdigest()[:32] + ".pickle")


def _mapped(path: Path):
    with open(path, "rb") as fh:
        return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)


def _scale(units_per_em: int):
    factor = 1000 / units_per_em
    return (lambda x: x) if units_per_em == 1000 else (lambda x: x * factor)


def ttfont(name: str, path: Path, subfont: int = 0):
    """A ReportLab TTFont of ``path`` named ``name``, from the cache when the file is unchanged.

    Raises what ReportLab's TTFont raises for a file it cannot use (nothing is cached then).
    """
    from reportlab import rl_config
    from reportlab.pdfbase.ttfonts import TTEncoding, TTFont

    path = path.resolve()
    try:
        entry = _entry(path, subfont)
        with open(entry, "rb") as fh:
            face = _face(pickle.load(fh), path)
    except OSError:  # not cached yet, or no cache folder can exist
        face = None
    except Exception:  # noqa: BLE001 — a damaged entry is parsed again and overwritten
        log.warning("font cache entry for %s unreadable; parsing the font again", path, exc_info=True)
        face = None
    if face is None:
        font = TTFont(name, str(path), subfontIndex=subfont)
        _store(path, subfont, font.face)
        font.face.__class__ = _face_class()  # the same subset memo as a face read from the cache
        return font
    font = TTFont.__new__(TTFont)  # what TTFont.__init__ sets, with the face already parsed
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, g) for g in rl_config.unShapedFontGlob)
    return font


class _Metrics:
    """``hmetrics`` as two arrays: ReportLab only takes (advance, left side bearing) of a glyph it embeds."""

    __slots__ = ("advance", "lsb")

    def __init__(self, advance: array, lsb: array):
        self.advance, self.lsb = advance, lsb

    def __getitem__(self, glyph: int) -> tuple[float, float]:
        return self.advance[glyph], self.lsb[glyph]

    def __len__(self) -> int:
        return len(self.advance)


@cache
def _face_class():
    """TTFontFace whose glyph → characters map is unpickled when ReportLab first asks for it,
    and whose embedded subsets are remembered for the life of the process."""
    from reportlab.pdfbase.ttfonts import TTFontFace

    class CachedFace(TTFontFace):
        def __getattr__(self, name: str):  # only for what the instance lacks
            if name != "glyphToChar" or "_glyph_to_char" not in self.__dict__:
                raise AttributeError(name)
            self.glyphToChar = pickle.loads(self.__dict__.pop("_glyph_to_char"))
            return self.glyphToChar

        def get_table(self, tag: str):
            """The glyf table as a window on the mapped file: makeSubset slices out the glyphs it
            embeds instead of copying megabytes of outlines for every 256-glyph subset."""
            if tag != "glyf":
                return super().get_table(tag)
            return _Window(self._ttf_data, *self.get_table_pos(tag))

        def makeSubset(self, subset):  # noqa: N802 — ReportLab's name
            memo = self.__dict__.setdefault("_subsets", {})
            key = tuple(subset)
            if key not in memo:
                if len(memo) >= _SUBSETS_KEPT:
                    memo.clear()
                memo[key] = [super().makeSubset(subset), None]
            return memo[key][0]

        def addSubsetObjects(self, doc, fontname, subset):  # noqa: N802 — ReportLab's name
            """ReportLab's, the font file given already deflated (the same bytes its filter writes)."""
            from reportlab.pdfbase import pdfdoc

            ref = super().addSubsetObjects(doc, fontname, subset)
            stream = doc.idToObject[f"fontFile:{self.filename}({fontname})"]
            if stream.filters == [pdfdoc.PDFZCompress]:
                entry = self._subsets[tuple(subset)]
                if entry[1] is None:
                    entry[1] = zlib.compress(entry[0])
                stream.content, stream.filters = entry[1], None
                stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
            return ref

    return CachedFace


class _Window:
    """Part of the mapped font file; slicing it reads just that slice."""

    __slots__ = ("data", "start", "length")

    def __init__(self, data, start: int, length: int):
        self.data, self.start, self.length = data, start, length

    def __getitem__(self, part: slice) -> bytes:
        start, stop, _ = part.indices(self.length)
        return self.data[self.start + start:self.start + stop]

    def __len__(self) -> int:
        return self.length


def _face(state: dict, path: Path):
    face = _face_class().__new__(_face_class())
    face.__dict__.update(state)
    face.hmetrics = _Metrics(*state["hmetrics"])
    face._ttf_data = _mapped(path)
    face._pdfScale = _scale(face.unitsPerEm)
    return face


def _state(face) -> dict:
    """What is stored of a parsed face (see the module's docstring)."""
    state = {k: v for k, v in face.__dict__.items() if k not in _NOT_STORED}
    state["glyphPos"] = array("L", face.glyphPos)
    # floats for a font whose units per em are not 1000 (ReportLab scales them); int() when embedded
    state["hmetrics"] = (array("d", (aw for aw, _ in face.hmetrics)), array("d", (lsb for _, lsb in face.hmetrics)))
    state["_glyph_to_char"] = pickle.dumps(state.pop("glyphToChar"), protocol=pickle.HIGHEST_PROTOCOL)
    return state


def _store(path: Path, subfont: int, face) -> None:
    try:
        state = _state(face)
        entry = _entry(path, subfont)
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = entry.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, entry)
    except Exception:  # noqa: BLE001 — a font that cannot be cached is parsed again next time
        log.warning("cannot write the font cache entry of %s in %s", path, cache_dir(), exc_info=True)
