"""The quick schema check agrees with jsonschema, so valid files skip importing jsonschema safely."""

import copy
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from report import schema, schema_quick

DATA = Path(__file__).parent / "data"
FILES = sorted(DATA.glob("*.json"))
ROOT = Path(__file__).resolve().parent.parent


def parsed(path: Path):
    return json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)


def jsonschema_accepts(data) -> bool:
    return next(schema._validator().iter_errors(data), None) is None


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_sample_report_passes_the_quick_check(path):
    data = parsed(path)
    assert schema_quick.accepts(data)
    assert jsonschema_accepts(data)


def test_a_valid_report_is_read_without_importing_jsonschema():
    code = ("import sys; from report.document import Report; "
            f"Report.load({str(FILES[0])!r}); print('jsonschema' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_an_invalid_report_is_still_described_in_chinese():
    data = parsed(FILES[0])
    data["t3"]["1"]["natural"] = "三"
    assert not schema_quick.accepts(data)
    with pytest.raises(Exception, match=r"\$\.t3\.1\.natural"):
        schema.validate(data)


def _paths(value, here=()):
    """Every place in a report file: each object's keys and each list's items, containers too."""
    yield here
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*here, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*here, i))


SEED = parsed(DATA / "wendeng-xinfang-2022.json")
SEED_2019 = next((parsed(p) for p in FILES if parsed(p)["form"] == "2019"), SEED)
PLACES = [p for p in _paths(SEED) if p] + [p for p in _paths(SEED_2019) if p]

VALUES = st.one_of(
    st.none(), st.booleans(), st.just("/"), st.just(""), st.just("2021"), st.just("2019"),
    st.just("12.5"), st.just("2023-01-16"), st.just("x" * 501),
    st.integers(-10**10, 10**10), st.sampled_from([0, 2019, 2100, 999999999, 1000000000, -999999999]),
    st.decimals(allow_nan=False, allow_infinity=False, places=1, min_value=-10**6, max_value=10**6),
    st.text(max_size=4),
    st.dictionaries(st.text(max_size=3), st.integers(-3, 3), max_size=2),
    st.lists(st.integers(-3, 3), max_size=2),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(base=st.sampled_from([SEED, SEED_2019]), edits=st.lists(
    st.tuples(st.integers(0, len(PLACES) - 1), st.sampled_from(["set", "delete", "add"]), VALUES),
    min_size=1, max_size=3))
def test_the_quick_check_accepts_exactly_what_jsonschema_accepts(base, edits):
    data = copy.deepcopy(base)
    for index, how, value in edits:
        *parent_path, key = PLACES[index]
        parent = data
        try:
            for k in parent_path:
                parent = parent[k]
            if how == "delete" and isinstance(parent, dict):
                parent.pop(key, None)
            elif how == "add" and isinstance(parent, dict):
                parent[f"{key}_extra"] = value
            elif isinstance(parent, dict) or (isinstance(parent, list) and key < len(parent)):
                parent[key] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed or replaced this place
    assert schema_quick.accepts(data) == jsonschema_accepts(data)


def _edit(data, path, value):
    *parent_path, key = path
    for k in parent_path:
        data = data.setdefault(k, {})
    if value is KeyError:
        data.pop(key)
    else:
        data[key] = value


@pytest.mark.parametrize("path, value, valid", [
    (("agency", "name"), "名" * 500, True),
    (("agency", "name"), "名" * 501, False),  # maxLength
    (("agency", "kind"), "county", False),  # enum
    (("agency",), KeyError, False),  # required
    (("agency", "nickname"), "x", False),  # additionalProperties
    (("year",), 2018, False),  # minimum
    (("year",), 2101, False),  # maximum
    (("year",), True, False),  # a boolean is no integer
    (("issued_on",), "2023-1-16", False),  # pattern
    (("issued_on",), None, True),
    (("t3", "1", "natural"), Decimal("3.0"), True),  # integral: the int 3 written as 3.0
    (("t3", "1", "natural"), Decimal("3.5"), False),
    (("t3", "1", "natural"), "/", False),  # "/" only where the form allows it
    (("t2", "rules", "issued"), "/", True),
    (("t2", "charges", "amount"), "12.50", True),
    (("t2", "charges", "amount"), "1234567890", False),  # money pattern: at most 9 digits
    (("website_counts", ""), 3, False),  # propertyNames minLength
    (("website_counts", "政府网站"), -1, False),
    (("website_counts_history", "20x2"), {"网站": 1}, False),  # propertyNames pattern
    (("form",), "2019", False),  # if/then: a 2019 report has other tables
])
def test_both_checks_agree_on_each_rule(path, value, valid):
    data = copy.deepcopy(SEED)
    _edit(data, path, value)
    assert schema_quick.accepts(data) is valid
    assert jsonschema_accepts(data) is valid
