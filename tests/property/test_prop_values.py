"""Properties of the value parsers: any text gets a value within the limits or a Chinese refusal."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from report.document import SLASH, format_value
from report.intake import clean_name, for_terminal
from report.values import (
    MAX_COUNT,
    CellSpec,
    CellValueError,
    InputError,
    join_block,
    parse_cell,
    parse_count,
    parse_date,
    parse_money,
    split_block,
)

SPECS = [CellSpec("count"), CellSpec("signed"), CellSpec("money", "万元", slash_allowed=True),
         CellSpec("count", slash_allowed=True), CellSpec("money", "元")]
FULL_WIDTH = str.maketrans({str(i): chr(0xFF10 + i) for i in range(10)})
# text a clerk might paste: digits of every script, signs, separators, units, controls, anything
clerk_text = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(list("0123456789０１２３４５６７８９٠١٢𝟏𝟐-+.,。 \u00a0\u3000/件万元e")),
            max_size=30),
    st.integers(-10**30, 10**30).map(str),
)


@given(clerk_text, st.sampled_from(SPECS))
def test_a_cell_value_is_within_its_limits_or_refused_in_chinese(text, spec):
    try:
        value = parse_cell(text, spec)
    except CellValueError as e:
        assert e.reason and e.hint and not e.reason.isascii() and not e.hint.isascii()
        return
    if value is None or value == SLASH:
        assert value is None or spec.slash_allowed
    elif isinstance(value, Decimal):
        assert spec.kind == "money" and 0 <= value <= MAX_COUNT and not value.is_signed()
    else:
        assert type(value) is int and abs(value) <= MAX_COUNT and (value >= 0 or spec.kind == "signed")


@given(st.integers(0, MAX_COUNT), st.booleans())
def test_every_count_reads_back_as_itself(n, full_width):
    text = str(n).translate(FULL_WIDTH) if full_width else str(n)
    assert parse_cell(text, SPECS[0]) == n


@given(st.decimals(min_value=0, max_value=MAX_COUNT, places=4, allow_nan=False, allow_infinity=False))
def test_every_amount_reads_back_as_itself(amount):
    assert parse_cell(format_value(amount), SPECS[2]) == amount


@given(clerk_text)
def test_wizard_boxes_answer_with_a_value_or_a_chinese_sentence(text):
    for parse in (parse_count, parse_money, parse_date):
        try:
            value = parse(text)
        except InputError as e:
            assert not str(e).isascii()
            continue
        if parse is parse_count and value is not None:
            assert 0 <= value <= MAX_COUNT
        if parse is parse_money and value is not None:
            assert 0 <= value <= MAX_COUNT


cell = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Zs", "Cc", "Zl", "Zp")), max_size=8) \
    .filter(lambda c: not (len(c) >= 2 and c[0] == c[-1] == '"'))


@given(st.lists(st.lists(cell, min_size=2, max_size=6), min_size=1, max_size=6))
def test_a_copied_block_pastes_back_as_the_same_cells(rows):
    assert split_block(join_block(rows)) == rows


@given(st.text())
def test_names_are_clean_stable_and_safe_in_a_terminal(name):
    import unicodedata

    clean = clean_name(name)
    assert clean_name(clean) == clean
    assert clean_name(unicodedata.normalize("NFD", name)) == clean_name(unicodedata.normalize("NFC", name))
    assert not any(unicodedata.category(ch) == "Cc" or ch in "\u200b\ufeff" for ch in clean)
    shown = for_terminal(name)
    assert not any(unicodedata.category(ch) in ("Cc", "Cs") for ch in shown)
