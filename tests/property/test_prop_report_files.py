"""Properties of the report file door: a mutated file is refused in Chinese or taken in completely.

Whatever ``Report.loads`` (the door of check, import and export) accepts, the checker checks, the
file writer writes as UTF-8 and reads back unchanged, and the store imports and exports.
"""

import json
import re
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from report.checks import check
from report.document import Report, ReportFileError
from store import open_store

SEED = json.loads((Path(__file__).parents[1] / "data" / "wendeng-xinfang-2022.json").read_text(encoding="utf-8"))
ENGLISH = re.compile(r"Traceback|Error|should|Exceeds|is not|unhashable|codec|[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}")
RAW = ["1E+1000000", "1E+999999999", "9" * 5000, "NaN", "-Infinity", "-0", "3.0", "1e400", "-0.0", "1E-7",
       "999999999", "1000000000", "-999999999", "0.1", "[" * 3000 + "]" * 3000]
STRINGS = ["", "/", "-0", "-0.00", "1.5", "１２", "\u200b局", "A\x00B", "\x1b[31m", "0001-01-01", "2023-02-30",
           "2023-01-16", "1" * 40, "1.1234567", "12.123456", "\ud800", "e\u0301", "2022", "20x1", "\ufeff"]


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, path + (k,))


PATHS = [p for p in _paths(SEED) if p]


class Raw:
    """A number literal json.dumps cannot write (huge, NaN, an exponent): spliced in as written."""

    def __init__(self, literal):
        self.literal = literal


leaf = st.one_of(st.none(), st.booleans(), st.integers(-2 * 10**9, 2 * 10**9), st.sampled_from(STRINGS),
                 st.text(max_size=12), st.text(st.characters(categories=["Cs", "Cc", "Lo"]),
                                                max_size=4),
                 st.sampled_from(RAW).map(Raw))
value = st.recursive(leaf, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.sampled_from(["", "1", "natural", "2019", "name"]) | st.text(max_size=4), inner, max_size=3), max_leaves=6)


def _dump(data) -> bytes:
    raws = []

    def default(o):
        raws.append(o.literal)
        return f"\x00RAW{len(raws) - 1}\x00"

    text = json.dumps(data, default=default)  # ensure_ascii: a lone surrogate is written as \udXXX
    for i, literal in enumerate(raws):
        text = text.replace(json.dumps(f"\x00RAW{i}\x00"), literal)
    return text.encode("utf-8")


MONEY_KEYS = {"amount", "billed", "collected"}
ACTIONS = ["plausible"] * 4 + ["replace", "delete", "add", "rename"]


def _plausible(old, path):
    """A value of the kind already there: mutations that a careful tool might write, mostly accepted."""
    if isinstance(old, bool) or old is None:
        return st.just(old)
    if isinstance(old, int):
        return st.integers(-999_999_999, 999_999_999) | st.integers(0, 50)
    if isinstance(old, str) and path[-1] in MONEY_KEYS:
        return st.decimals(-10**6, 999_999_999, places=6, allow_nan=False).map(str) | st.just("/")
    if isinstance(old, str) and path[-1] == "issued_on":
        return st.dates().map(lambda d: d.isoformat())
    if isinstance(old, str):
        return st.text(max_size=200) | st.text(st.characters(categories=["Lo", "Po", "Zs", "Nd", "So"]), max_size=50)
    if isinstance(old, dict) and path[-1] == "website_counts":
        return st.dictionaries(st.text(min_size=1, max_size=50), st.integers(0, 999_999_999), max_size=5)
    return st.just(old)


@st.composite
def mutated(draw):
    data = json.loads(json.dumps(SEED))
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(PATHS))
        parent = data
        for key in path[:-1]:
            if not isinstance(parent, dict) or key not in parent:
                break
            parent = parent[key]
        else:
            if not isinstance(parent, dict):
                continue
            action = draw(st.sampled_from(ACTIONS))
            if action == "plausible" and path[-1] in parent:
                parent[path[-1]] = draw(_plausible(parent[path[-1]], path))
            elif action == "replace":
                parent[path[-1]] = draw(value)
            elif action == "delete":
                parent.pop(path[-1], None)
            elif action == "add":
                parent[draw(st.sampled_from(STRINGS) | st.text(max_size=6))] = draw(value)
            elif path[-1] in parent:
                parent[draw(st.sampled_from(STRINGS))] = parent.pop(path[-1])
    return _dump(data)


def _taken_in_or_refused(raw: bytes) -> Report | None:
    try:
        return Report.loads(raw)
    except ReportFileError as e:
        message = str(e)
        assert message and not ENGLISH.search(message), message
        return None


@given(mutated())
def test_a_mutated_file_is_refused_in_chinese_or_round_trips_and_is_checked(raw):
    report = _taken_in_or_refused(raw)
    if report is None:
        return
    text = report.dumps()
    again = Report.loads(text.encode("utf-8"))
    assert again.to_dict() == report.to_dict()
    check(report)


@given(st.binary(max_size=64), st.integers(0, 20000), st.integers(0, 3))
def test_damaged_bytes_are_refused_in_chinese_or_read(noise, at, how):
    raw = _dump(SEED)
    at %= len(raw)
    raw = [raw[:at] + noise + raw[at:], raw[:at] + noise + raw[at + len(noise):], raw[:at], noise][how]
    _taken_in_or_refused(raw)


@given(value)
def test_any_json_value_is_refused_in_chinese_or_read(anything):
    _taken_in_or_refused(_dump(anything))


@given(st.lists(mutated(), min_size=1, max_size=3))
def test_what_the_door_accepts_the_store_imports_and_exports_unchanged(files):
    with tempfile.TemporaryDirectory() as folder, open_store(folder) as store:
        for raw in files:
            report = _taken_in_or_refused(raw)
            if report is None or not report.agency.name.strip():
                continue
            outcome = store.import_report(report, replace=True)
            assert outcome in ("new", "same", "replaced")
            stored = store.load(report.agency.name, report.year)
            assert stored.to_dict() == report.to_dict()
            assert Report.loads(stored.dumps().encode("utf-8")).to_dict() == report.to_dict()


@settings(max_examples=max(4, settings.default.max_examples // 15))  # a PDF takes about half a second
@given(mutated())
def test_what_the_door_accepts_exports_as_a_pdf_or_is_refused_in_chinese(raw):
    from report.pdf import PdfError, export_pdf

    report = _taken_in_or_refused(raw)
    if report is None:
        return
    with tempfile.TemporaryDirectory() as folder:
        try:
            export_pdf(report, Path(folder) / "r.pdf")
        except PdfError as e:
            assert not ENGLISH.search(str(e)), str(e)
            return
        assert (Path(folder) / "r.pdf").read_bytes().startswith(b"%PDF")
