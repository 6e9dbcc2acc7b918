"""The Word file's page set-up, named styles and page-number footers (GB/T 9704, as 公文 templates).

Measures come from report.pdf.stylesheet, so the PDF and the Word file share one set of margins
and font sizes; style names and the fonts named for each role come from resources/word.toml.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from docx.enum.section import WD_SECTION_START
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from report import resources
from report.pdf import stylesheet as ss
from report.pdf.font_roles import roles

TWIPS_PER_PT = 20
# The character grid: 22 lines of 225 mm / 22 and 28 characters of 156 mm / 28, expressed as
# Word stores it (line pitch in twips; the character pitch as 1/4096 pt added to the 三号 size).
LINE_PITCH = int(ss.TEXT_HEIGHT / ss.LINES_PER_PAGE * TWIPS_PER_PT)
CHAR_SPACE = int((ss.ADVANCE - ss.SIZE_3HAO) * 4096) - 1  # rounded down: 28 characters must fit
FOOTER_DISTANCE = ss.MARGIN_BOTTOM - ss.PAGE_NUMBER_GAP - 1.3 * ss.SIZE_4HAO  # number's top 7 mm below the 版心


@cache
def config() -> dict:
    with open(resources.path("word.toml"), "rb") as fh:
        return tomllib.load(fh)


def _family_name(path: str | Path) -> str | None:
    """A font file's family name, the Chinese one when the font has it (「仿宋」 rather than 「FangSong」)."""
    from fontTools.ttLib import TTFont

    try:
        names = TTFont(str(path), fontNumber=0, lazy=True)["name"]
    except Exception:  # noqa: BLE001 — an unreadable file falls back to the default name
        return None
    for lang in (0x804, 0x404, 0x409):
        rec = names.getName(1, 3, 1, lang)
        if rec:
            return str(rec)
    return names.getBestFamilyName()


def font_names(font_files: dict | None) -> dict[str, str]:
    """The East Asian font of each role: the clerk's chosen file's family, else the Windows name."""
    names = {rid: role.family for rid, role in roles().items()}
    for role, path in (font_files or {}).items():
        name = _family_name(path) if path else None
        if name and role in names:
            names[role] = name
    return names


def set_fonts(rpr_owner, east_asian: str) -> None:
    """Times New Roman for Latin letters and digits, ``east_asian`` for Chinese (w:rFonts)."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    latin = config()["latin_font"]
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:hint"), "eastAsia")


_PPR_ORDER = ("w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
              "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
              "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_RPR_ORDER = ("w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")


def child(parent, tag: str, **attrs):
    """The ``tag`` child of a w:pPr or w:rPr, added in the order the schema asks (Word is strict)."""
    el = parent.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        order = _RPR_ORDER if tag in _RPR_ORDER else _PPR_ORDER
        parent.insert_element_before(el, *order[order.index(tag) + 1:])
    for k, v in attrs.items():
        el.set(qn(f"w:{k}"), str(v))
    return el


def indent_chars(ppr_owner, first: float = 0, right: float = 0) -> None:
    """Indents in characters (w:firstLineChars, hundredths), with the twips for readers without them."""
    attrs = {}
    if first:
        attrs.update(firstLineChars=round(first * 100), firstLine=round(first * ss.ADVANCE * TWIPS_PER_PT))
    if right:
        attrs.update(rightChars=round(right * 100), right=round(right * ss.ADVANCE * TWIPS_PER_PT))
    if attrs:
        child(ppr_owner.get_or_add_pPr(), "w:ind", **attrs)


def _defaults(doc, east_asian: str) -> None:
    """Document defaults of a 公文: 三号 text (the grid's character pitch is counted from it), single
    line spacing on the grid and no space after paragraphs (the template's 1.15 lines and 10 pt
    would put every line on two grid lines)."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for el in list(rpr):
        rpr.remove(el)
    fonts = _el_with(rpr, "w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), config()["latin_font"])
    fonts.set(qn("w:eastAsia"), east_asian)
    size = str(int(ss.SIZE_3HAO * 2))
    _el_with(rpr, "w:sz").set(qn("w:val"), size)
    _el_with(rpr, "w:szCs").set(qn("w:val"), size)
    lang = _el_with(rpr, "w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    for k, v in (("w:after", "0"), ("w:line", "240"), ("w:lineRule", "auto")):
        spacing.set(qn(k), v)


def _el_with(parent, tag: str):
    el = OxmlElement(tag)
    parent.append(el)
    return el


def _paragraph_style(doc, name: str, font: str, size: float, align, *, indent: int = 0, outline: int | None = None,
                     keep_next: bool = False, grid: bool = True):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    style.font.size = Pt(size)
    set_fonts(style.element, font)
    pf = style.paragraph_format
    pf.alignment = align
    pf.space_before = pf.space_after = Pt(0)
    pf.keep_with_next = keep_next
    pf.widow_control = True
    indent_chars(style.element, first=indent)
    if outline is not None:
        child(style.element.get_or_add_pPr(), "w:outlineLvl", val=outline)
    if not grid:
        child(style.element.get_or_add_pPr(), "w:snapToGrid", val=0)
    return style


def set_up(doc, font_files: dict | None) -> dict[str, str]:
    """A4 page, margins, grid, named styles and the page-number footers; returns {role: style name}."""
    section = doc.sections[0]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_width, section.page_height = Pt(ss.PAGE_WIDTH), Pt(ss.PAGE_HEIGHT)
    section.top_margin, section.bottom_margin = Pt(ss.MARGIN_TOP), Pt(ss.MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Pt(ss.MARGIN_LEFT), Pt(ss.MARGIN_RIGHT)
    section.footer_distance = Pt(FOOTER_DISTANCE)
    grid = section._sectPr.find(qn("w:docGrid"))
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(LINE_PITCH))
    grid.set(qn("w:charSpace"), str(CHAR_SPACE))

    fonts, names = font_names(font_files), config()["styles"]
    _defaults(doc, fonts["body"])
    normal = doc.styles["Normal"]
    normal.font.size = Pt(ss.SIZE_3HAO)
    set_fonts(normal.element, fonts["body"])
    centre, justify = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
    title = _paragraph_style(doc, names["title"], fonts["title"], ss.SIZE_2HAO, centre, keep_next=True)
    title.paragraph_format.space_after = Pt(0)
    _paragraph_style(doc, names["body"], fonts["body"], ss.SIZE_3HAO, justify, indent=2)
    _paragraph_style(doc, names["heading1"], fonts["heading1"], ss.SIZE_3HAO, justify, indent=2, outline=0,
                     keep_next=True)
    _paragraph_style(doc, names["heading2"], fonts["heading2"], ss.SIZE_3HAO, justify, indent=2, outline=1,
                     keep_next=True)
    _paragraph_style(doc, names["signature"], fonts["body"], ss.SIZE_3HAO, WD_ALIGN_PARAGRAPH.RIGHT)
    _paragraph_style(doc, names["table"], fonts["table"], ss.SIZE_TABLE, centre, grid=False)
    _paragraph_style(doc, names["picture"], fonts["table"], ss.SIZE_TABLE, centre, grid=False)
    _paragraph_style(doc, names["page_number"], fonts["table"], ss.SIZE_4HAO, WD_ALIGN_PARAGRAPH.RIGHT, grid=False)
    _page_numbers(doc, section, names["page_number"])
    return {role: names[role] for role in names}


def _page_number_field(paragraph, text_format: str) -> None:
    """「— 1 —」 with the number as a PAGE field, so Word and WPS fill in each page's own."""
    before, after = text_format.split("{n}")
    paragraph.add_run(before)
    run = paragraph.add_run()
    for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif instr == "1":
            el = OxmlElement("w:t")
            el.text = instr
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = instr
        run._r.append(el)
    paragraph.add_run(after)


def _page_numbers(doc, section, style_name: str) -> None:
    """Odd pages: number at the right, one character in; even pages: at the left (GB/T 9704 7.5)."""
    from report.printed.wording import wording

    doc.settings.odd_and_even_pages_header_footer = True
    inset = Pt(ss.PAGE_NUMBER_INSET)
    right, left = WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT
    for footer, align in ((section.footer, right), (section.even_page_footer, left)):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.style = doc.styles[style_name]
        p.alignment = align
        if align == right:
            p.paragraph_format.right_indent = inset
        else:
            p.paragraph_format.left_indent = inset
        _page_number_field(p, wording()["page_number"])
