"""Make the shipped Fandol fonts: convert Debian's CFF OpenType files to TrueType outlines, once.

ReportLab embeds only TrueType (glyf) fonts, and the Fandol family (FandolFang 仿宋, FandolSong
宋, FandolHei 黑体, FandolKai 楷体; GPL-3 with the font exception, see Fandol.COPYING.txt) is
published as CFF OpenType. This script redraws every glyph with quadratic curves (fontTools'
cu2qu, at most 1 unit of 1000 off the cubic outline), keeps every character, metric and table
that TrueType allows, and writes the result beside itself. Nothing is subset: the clerk may
type any character the face has.

Source: Debian package texlive-lang-chinese (Fandol v0.3, 2015-07-18),
/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/.
Run: python resources/fonts/make_fandol_ttf.py [source folder]  (fontTools comes with matplotlib)
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

SOURCE = Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol")
FACES = ("FandolFang-Regular", "FandolSong-Bold", "FandolHei-Regular", "FandolKai-Regular")
MAX_ERROR = 1.0  # font units (1000 per em): invisible at any printed size


def to_truetype(font: TTFont) -> None:
    """Replace the CFF table by glyf/loca in place (the recipe of fontTools' otf2ttf snippet)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    for tag in ("CFF ", "VORG"):  # VORG belongs to CFF fonts only
        if tag in font:
            del font[tag]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyphs.items():  # left side bearing = xMin, as TrueType requires
        advance, _lsb = hmtx.metrics[name]
        hmtx.metrics[name] = (advance, getattr(glyph, "xMin", 0))
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones",):
        setattr(maxp, attr, 1)
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    post = font["post"]
    post.formatType = 3.0  # no glyph names: CID-keyed names carry nothing a reader needs
    post.extraNames, post.mapping = [], {}
    font.sfntVersion = "\x00\x01\x00\x00"


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    out_dir = Path(__file__).resolve().parent
    for face in FACES:
        font = TTFont(source / f"{face}.otf")
        to_truetype(font)
        font.save(out_dir / f"{face}.ttf")
        print(f"{face}.ttf: {(out_dir / f'{face}.ttf').stat().st_size / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
