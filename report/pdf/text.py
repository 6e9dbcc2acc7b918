"""Chinese paragraphs set on the official character grid, with proper line-break rules.

ReportLab's own CJK wrapping lets a line start with ，：；” or 》 and end with “《（, and loses
the spaces between Latin words when a paragraph is split across pages. This
flowable breaks lines itself: a line never starts with closing punctuation nor ends with an
opening mark (the character before is carried over with it), Latin words and numbers stay
whole, full lines are justified to the right edge, and each character takes the first font
of its role that has it, so a rare character falls back to another embedded font.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

from report import resources
from report.pdf.fonts import FontSet, LoadedFont
from report.pdf.platypus import Flowable
from report.pdf.stylesheet import TextStyle

CANNOT_START = set("，。、；：？！）》〉」』】〕］｝”’…—～·％‰℃．｡､,.;:?!)]}%")
CANNOT_END = set("（《〈「『【〔［｛“‘([{")
NO_SPLIT = set("—…")  # ——  and …… are one mark
_FUZZ = 0.01
_MAX_STRETCH = 0.5  # a line is justified only if no gap grows by more than half a character
MIN_LINES = 2  # lines of a paragraph kept together at the foot and at the head of a page
_MEMO_LIMIT = 50_000  # glyphs and laid-out texts remembered per set of fonts


def _is_word_char(ch: str) -> bool:
    """Latin letters, digits and ASCII punctuation: kept together as one unbreakable word."""
    return not ch.isspace() and unicodedata.east_asian_width(ch) in ("Na", "H", "N")


@dataclass
class _Glyph:
    ch: str
    font: LoadedFont
    width: float


class _Token(list):
    """A run of glyphs that stays on one line (a Chinese character, a Latin word, a space).

    Made whole and never changed, so its width is summed once: line breaking asks for it often."""

    __slots__ = ("width",)

    def __init__(self, glyphs):
        super().__init__(glyphs)
        self.width = sum(g.width for g in self)

    @property
    def space(self) -> bool:
        return self[0].ch.isspace()


@cache
def _rules() -> dict:
    with open(resources.path("typesetting.toml"), "rb") as fh:
        rules = tomllib.load(fh)
    rules["whole_re"] = re.compile("|".join(f"(?:{w})" for w in rules["whole"]))
    return rules


def _is_ideograph(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) == "W" and unicodedata.category(ch) == "Lo"


def word_breaks(text: str) -> set[int]:
    """Positions an agency's name may break at: after a division, before an organ's word."""
    rules, out = _rules(), set()
    for word in rules["break_after"]:
        out.update(i + len(word) for i in _found(word, text))
    for word in rules["break_before"]:
        out.update(_found(word, text))
    for word in rules["never_inside"]:
        for i in _found(word, text):
            out.difference_update(range(i + 1, i + len(word)))
    return {i for i in out if 0 < i < len(text)}


def _found(word: str, text: str):
    """Where ``word`` starts in ``text``, occurrences not overlapping (as re.finditer finds them)."""
    i = text.find(word)
    while i >= 0 and word:
        yield i
        i = text.find(word, i + len(word))


def _glued(text: str, mode: str) -> set[int]:
    """Indices of characters that must stay on the line of the character before them.

    Always: Latin words and numbers, and whole runs (dates, phone numbers, 文号, figures).
    ``pairs`` (table headers): Chinese words are mostly two characters, so a run of ideographs
    breaks only after an even count (社会/公益组织, not 社会公/益组织). ``words`` (title and
    signature): only at word_breaks().
    """
    glued = {i for i in range(1, len(text)) if _is_word_char(text[i]) and _is_word_char(text[i - 1])}
    for m in _rules()["whole_re"].finditer(text):
        glued.update(range(m.start() + 1, m.end()))
    if mode == "pairs":
        run = 0
        for i, ch in enumerate(text):
            run = run + 1 if _is_ideograph(ch) else 0
            if run and run % 2 == 0:
                glued.add(i)
    elif mode == "words":
        breaks = word_breaks(text)
        if breaks:
            glued.update(i for i in range(1, len(text)) if i not in breaks)
    return glued


def _tokens(glyphs: list[_Glyph], mode: str = "") -> list[_Token]:
    glued = _glued("".join(g.ch for g in glyphs), mode)
    runs: list[list[_Glyph]] = []
    for i, g in enumerate(glyphs):
        if runs and i in glued and not g.ch.isspace() and not runs[-1][0].ch.isspace():
            runs[-1].append(g)
        else:
            runs.append([g])
    return [_Token(run) for run in runs]


def _split_where_it_stands(token: _Token, room: float, line: float) -> tuple[_Token, _Token] | None:
    """A Latin word or URL cut so that its head fills ``room``: after a 「/」 when that wastes
    at most two letters' width, else after a 「.」 or another URL sign, else at any letter (a URL,
    or a word longer than the line); None when the token should rather start the next line
    (it fits there and this line has only about four letters' room left)."""
    if len(token) < 2 or not all(_is_word_char(g.ch) for g in token):
        return None
    text = "".join(g.ch for g in token)
    if not ("/" in text or "www." in text or "@" in text) and token.width <= line + _FUZZ:
        return None
    ends = list(accumulate(g.width for g in token))
    fits = [cut for cut in range(1, len(token)) if ends[cut - 1] <= room + _FUZZ]
    slack = 2 * max(g.width for g in token)
    if not fits or (room <= 2 * slack and token.width <= line + _FUZZ):
        return None  # little room left: the whole URL starts the next line, the gaps stay small
    best = fits[-1]
    # after a 「/」, else after another URL sign, wasting little room; else after any sign; else anywhere
    for marks, waste in (("/", slack), ("/./-_?&=#@", slack), ("/./-_?&=#@", 4 * slack)):
        cuts = [cut for cut in fits if text[cut - 1] in marks]
        if cuts and room - ends[cuts[-1] - 1] <= waste:
            best = cuts[-1]
            break
    return _Token(token[:best]), _Token(token[best:])


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
        while i < n:
            if tokens[i].width > avail - used + _FUZZ and len(tokens[i]) > 1:
                pieces = _split_where_it_stands(tokens[i], avail - used, avail)
                if pieces is None and i == start:  # a run longer than the line: one glyph a token
                    pieces = [_Token([g]) for g in tokens[i]]
                if pieces is None:
                    break
                tokens[i:i + 1] = list(pieces)
                n = len(tokens)
            if used + tokens[i].width > avail + _FUZZ and i > start:
                break
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


def _no_lone_last_character(tokens: list[_Token], lines: list[list[_Token]], widths: list[float],
                            step: float) -> list[list[_Token]]:
    """A paragraph's last line holds at least two characters besides its punctuation (「完成。」,
    not 「成。」): the line before gives one up, its spacing growing by a fraction of a point."""
    if len(lines) < 2 or sum(1 for t in lines[-1] if t[-1].ch not in CANNOT_START) >= 2:
        return lines
    per_line = [widths[min(i, len(widths) - 1)] for i in range(len(lines))]
    per_line[-2] -= step
    trial = break_lines(list(tokens), per_line)
    return trial if len(trial) == len(lines) and len(trial[-1]) > len(lines[-1]) else lines


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
        self.keep_whole = False  # a heading or title line never breaks across pages

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
        if self._lines is not None and (abs(self._lines_width - width) < _FUZZ or not self._first):
            return
        avail = width - self.right_indent
        key = ("lines", self.text, self.style, round(avail, 3))  # the same cell text is set once
        lines = self.fonts.memo.get(key)
        if lines is None:
            widths = [avail - self.style.first_indent, avail]
            tokens = _tokens(self._glyphs(), self.style.breaks)
            lines = break_lines(list(tokens), widths)
            if self.style.align == "centre" and len(lines) > 1:
                lines = _balanced(tokens, lines, avail, self.style.size)
            elif self.style.align == "justify":
                lines = _no_lone_last_character(tokens, lines, widths, self.style.size)
            if len(self.fonts.memo) > _MEMO_LIMIT:  # a long session: measure afresh rather than grow
                self.fonts.memo.clear()
            self.fonts.memo[key] = lines
        self._lines = list(lines)
        self._lines_width = width

    def lines_at(self, width: float, balanced: bool = False) -> list[list[_Token]]:
        """The text broken to ``width`` (in lines of even length when ``balanced``)."""
        tokens = _tokens(self._glyphs(), self.style.breaks)
        lines = break_lines(list(tokens), [width])
        return _balanced(tokens, lines, width, self.style.size) if balanced and len(lines) > 1 else lines

    @staticmethod
    def line_widths(lines: list[list[_Token]]) -> list[float]:
        return [sum(t.width for t in line) for line in lines]

    def fix_lines(self, lines: list[list[_Token]], width: float) -> None:
        """Set these lines whatever the frame's width (the signature's name, broken beforehand)."""
        self._lines, self._lines_width = lines, width

    def line_count(self) -> int:
        return len(self._lines or ())

    def wrap(self, availWidth, availHeight):
        self._layout(availWidth)
        self.width = availWidth
        self.height = len(self._lines) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth, availHeight):
        """Between lines, leaving at least two lines on each page (no widow, no orphan)."""
        self._layout(availWidth)
        fit = int((availHeight + _FUZZ) // self.style.leading)
        if fit >= len(self._lines):
            return [self]
        if self.keep_whole:
            return []
        fit = min(fit, len(self._lines) - MIN_LINES)
        if fit < MIN_LINES:
            return []
        return self.split_at(fit)

    def split_at(self, fit: int) -> list[TextBlock]:
        """The first ``fit`` lines and the rest, as two blocks."""
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
                x = _show(canv, font, s, x, baseline, run, inside)
                if gap_after:
                    x += extra


def _show(canv, font: LoadedFont, style: TextStyle, x: float, y: float, run: list["_Glyph"], inside: float) -> float:
    """Draw a run of one font at (x, y), ``inside`` added after each glyph, and return where it ends.

    The run is split where ReportLab switches to another 256-glyph subset of the font, and each
    piece is its own text object at its computed position: PDF readers built on pdfminer
    (pdfplumber) drop the character spacing after the last glyph of every string, so pieces
    chained in one text object would drift in their measurements. Each piece is written as
    the very operators canvas.beginText, setFont, setCharSpace, textOut and drawText write, through
    ReportLab's interface for subset fonts (splitString, getSubsetInternalName): those calls
    split and measure every string a second time: half the time of drawing the text.
    """
    ttf, doc = getFont(font.name), canv._doc
    size_and_leading = f"{fp_str(style.size)} Tf {fp_str(style.size * 1.2)} TL"
    spacing = f"{fp_str(style.char_space + inside)} Tc"
    i = 0
    for subset, data in ttf.splitString("".join(g.ch for g in run), doc):
        canv.addLiteral(f"BT 1 0 0 1 {fp_str(x, y)} Tm {spacing} {ttf.getSubsetInternalName(subset, doc)} "
                        f"{size_and_leading} ({escapePDF(data)}) Tj ET")
        x += sum(g.width + inside for g in run[i:i + len(data)])
        i += len(data)
    return x


def font_ascent(font: LoadedFont) -> float:
    """The font's ascent in ems, as PDF readers place the top of its glyphs."""
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
