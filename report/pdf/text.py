"""Chinese paragraphs set on the official character grid, with proper line-break rules.

ReportLab's own CJK wrapping lets a line start with ，：；” or 》 and end with “《（, and loses
the spaces between Latin words when a paragraph is split across pages (tech-notes §5c). This
flowable breaks lines itself: a line never starts with closing punctuation nor ends with an
opening mark (the character before is carried over with it), Latin words and numbers stay
whole, full lines are justified to the right edge, and each character takes the first font
of its role that has it, so a rare character falls back to another embedded font.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.flowables import Flowable

from report.pdf.fonts import FontSet, LoadedFont
from report.pdf.stylesheet import TextStyle

CANNOT_START = set("，。、；：？！）》〉」』】〕］｝”’…—～·％‰℃．｡､,.;:?!)]}%")
CANNOT_END = set("（《〈「『【〔［｛“‘([{")
NO_SPLIT = set("—…")  # ——  and …… are one mark
_FUZZ = 0.01
_MAX_STRETCH = 0.5  # a line is justified only if no gap grows by more than half a character


def _is_word_char(ch: str) -> bool:
    """Latin letters, digits and ASCII punctuation: kept together as one unbreakable word."""
    return not ch.isspace() and unicodedata.east_asian_width(ch) in ("Na", "H", "N")


@dataclass
class _Glyph:
    ch: str
    font: LoadedFont
    width: float


class _Token(list):
    """A run of glyphs that stays on one line (a Chinese character, a Latin word, a space)."""

    @property
    def width(self) -> float:
        return sum(g.width for g in self)

    @property
    def space(self) -> bool:
        return self[0].ch.isspace()


def _tokens(glyphs: list[_Glyph]) -> list[_Token]:
    out: list[_Token] = []
    for g in glyphs:
        if out and _is_word_char(g.ch) and _is_word_char(out[-1][-1].ch):
            out[-1].append(g)
        else:
            out.append(_Token([g]))
    return out


def _may_break_before(tokens: list[_Token], i: int) -> bool:
    if tokens[i].space or tokens[i - 1].space:
        return True
    first, last = tokens[i][0].ch, tokens[i - 1][-1].ch
    if first in CANNOT_START or last in CANNOT_END:
        return False
    return not (first == last and first in NO_SPLIT)


def break_lines(tokens: list[_Token], widths: list[float]) -> list[list[_Token]]:
    """Greedy line breaking; ``widths`` gives each line's width, the last repeating."""
    lines: list[list[_Token]] = []
    start, n = 0, len(tokens)
    while start < n:
        avail = widths[min(len(lines), len(widths) - 1)]
        used, i = 0.0, start
        while i < n and (used + tokens[i].width <= avail + _FUZZ or i == start):
            if i == start and tokens[i].width > avail + _FUZZ and len(tokens[i]) > 1:
                tokens[i:i + 1] = [_Token([g]) for g in tokens[i]]  # a word longer than the line
                n = len(tokens)
            used += tokens[i].width
            i += 1
        end = i
        if end < n:
            b = end
            while b > start + 1 and not _may_break_before(tokens, b):
                b -= 1
            end = b if b > start + 1 or _may_break_before(tokens, b) else end
        line = tokens[start:end]
        while line and line[-1].space:
            line.pop()
        lines.append(line)
        start = end
        while start < n and tokens[start].space:
            start += 1
    return lines


def _balanced(tokens: list[_Token], lines: list[list[_Token]], width: float, step: float) -> list[list[_Token]]:
    """Centred text (table headers) in as many lines, but of even length: 商业/企业, not 商业企/业."""
    best = lines
    while width > step:
        width -= step / 2
        trial = break_lines(list(tokens), [width])
        if len(trial) != len(lines) or any(sum(t.width for t in ln) > width + _FUZZ for ln in trial):
            break
        best = trial
    return best


class TextBlock(Flowable):
    """One paragraph (no newline inside) set in ``style``; splits between lines across pages."""

    def __init__(self, text: str, style: TextStyle, fonts: FontSet, *, right_indent: float = 0.0,
                 _lines: list[list[_Token]] | None = None, _width: float | None = None, _first: bool = True):
        super().__init__()
        self.text = text
        self.style = style
        self.fonts = fonts
        self.right_indent = right_indent
        self._lines = _lines
        self._lines_width = _width
        self._first = _first  # the first line of the paragraph (indented) is in this block
        self.spaceBefore = 0.0
        self.spaceAfter = style.space_after

    # ------------------------------------------------------------------ layout
    def _glyphs(self) -> list[_Glyph]:
        size, role, space, out = self.style.size, self.style.role, self.style.char_space, []
        memo = self.fonts.memo
        for ch in self.text:
            key = (role, size, space, ch)
            g = memo.get(key)
            if g is None:
                font = self.fonts.font_for(role, ch) or self.fonts.roles[role]
                g = memo[key] = _Glyph(ch, font, stringWidth(ch, font.name, size) + space)
            out.append(g)
        return out

    def natural_width(self) -> float:
        """The width of the whole text on one line."""
        return sum(g.width for g in self._glyphs())

    def _layout(self, width: float) -> None:
        if self._lines is not None and (self._lines_width == width or not self._first):
            return
        avail = width - self.right_indent
        widths = [avail - self.style.first_indent, avail] if self._first else [avail]
        tokens = _tokens(self._glyphs())
        self._lines = break_lines(list(tokens), widths)
        if self.style.align == "centre" and len(self._lines) > 1:
            self._lines = _balanced(tokens, self._lines, avail, self.style.size)
        self._lines_width = width

    def wrap(self, availWidth, availHeight):
        self._layout(availWidth)
        self.width = availWidth
        self.height = len(self._lines) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth, availHeight):
        self._layout(availWidth)
        fit = int((availHeight + _FUZZ) // self.style.leading)
        if fit <= 0:
            return []
        if fit >= len(self._lines):
            return [self]
        head = TextBlock(self.text, self.style, self.fonts, right_indent=self.right_indent,
                         _lines=self._lines[:fit], _width=self._lines_width, _first=self._first)
        head.spaceAfter = 0.0
        tail = TextBlock(self.text, self.style, self.fonts, right_indent=self.right_indent,
                         _lines=self._lines[fit:], _width=self._lines_width, _first=False)
        return [head, tail]

    # ------------------------------------------------------------------ drawing
    def draw(self):
        s = self.style
        canv = self.canv
        avail = self.width - self.right_indent
        top = self.height
        for n, line in enumerate(self._lines):
            if not line:
                continue
            indent = s.first_indent if (n == 0 and self._first) else 0.0
            room = avail - indent
            natural = sum(t.width for t in line)
            last = n == len(self._lines) - 1
            extra = 0.0  # added at each break opportunity: between characters, never inside a Latin word
            x = indent
            if s.align == "justify" and not last and len(line) > 1:
                gap = (room - natural + s.char_space) / (len(line) - 1)  # the last glyph ends on the edge
                if 0 < gap <= _MAX_STRETCH * s.size:
                    extra = gap
            elif s.align == "centre":
                x = indent + (room - natural) / 2
            elif s.align == "right":
                x = indent + room - natural
            ascent = s.size * font_ascent(self.fonts.roles[s.role])  # one baseline, whatever face each glyph takes
            baseline = top - n * s.leading - s.glyph_drop * (s.leading - s.size) - ascent
            for font, run, spaced, gap_after in _runs(line):
                inside = extra if spaced else 0.0
                for piece in _subset_pieces(canv, font, run):
                    t = canv.beginText(x, baseline)
                    t.setFont(font.name, s.size)
                    t.setCharSpace(s.char_space + inside)
                    t.textOut("".join(g.ch for g in piece))
                    canv.drawText(t)
                    x += sum(g.width + inside for g in piece)
                if gap_after:
                    x += extra


def _subset_pieces(canv, font: LoadedFont, run: list["_Glyph"]):
    """Split a run where ReportLab switches to another 256-glyph subset of the font.

    Each piece starts its own text object at its computed position: PDF readers built on
    pdfminer (pdfplumber) drop the character spacing after the last glyph of every string,
    so pieces chained in one text object would drift in their measurements.
    """
    from reportlab.pdfbase.pdfmetrics import getFont

    i = 0
    for _subset, data in getFont(font.name).splitString("".join(g.ch for g in run), canv._doc):
        yield run[i:i + len(data)]
        i += len(data)


def font_ascent(font: LoadedFont) -> float:
    """The font's ascent in ems, as PDF readers place the top of its glyphs."""
    from reportlab.pdfbase.pdfmetrics import getFont

    return getFont(font.name).face.ascent / 1000


def _runs(line: list[_Token]):
    """(font, glyphs, spaced, gap_after): single characters of one font drawn together, each
    followed by the justification space (spaced); a Latin word alone, the space only after it."""
    run: list[_Glyph] = []
    for token in line:
        word = len(token) > 1
        if run and (word or token[0].font is not run[0].font):
            yield run[0].font, run, True, False
            run = []
        if word:
            pieces = list(_font_runs(token))
            for i, (font, glyphs) in enumerate(pieces):
                yield font, glyphs, False, i == len(pieces) - 1
        else:
            run.append(token[0])
    if run:
        yield run[0].font, run, True, False


def _font_runs(glyphs: list[_Glyph]):
    run: list[_Glyph] = []
    for g in glyphs:
        if run and g.font is not run[0].font:
            yield run[0].font, run
            run = []
        run.append(g)
    if run:
        yield run[0].font, run
