"""The history's differences: applying the difference of two versions to the first gives the
second exactly, and leaves the first as it was (property-based, over JSON like a report's)."""

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from store import delta

texts = st.text(max_size=200) | st.builds(lambda a, b, c: a + b + c, st.text(max_size=80), st.text(max_size=10),
                                           st.text(max_size=80))
leaves = st.none() | st.booleans() | st.integers(-10**12, 10**12) | texts
values = st.recursive(leaves, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner,
                                                                                             max_size=6), max_leaves=30)


def _edited(doc, edits):
    """A second version of ``doc``: some keys changed, added or removed (how a report changes)."""
    if not isinstance(doc, dict):
        return edits
    out = dict(doc)
    if isinstance(edits, dict):
        for k, v in edits.items():
            if v is None and k in out:
                del out[k]
            else:
                out[k] = v
    return out


@settings(max_examples=150, deadline=None)
@given(values, values)
def test_applying_the_difference_gives_the_new_version_and_keeps_the_old(a, edits):
    b = _edited(a, edits)
    before = copy.deepcopy(a)
    patch = delta.diff(a, b)
    assert delta.same(delta.apply(patch, a), b)
    assert delta.same(a, before)
    assert (patch is None) == delta.same(a, b)


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=delta.SPLICE_FROM, max_size=400), st.integers(0, 400), st.text(max_size=20))
def test_an_edit_in_a_long_text_is_stored_as_the_edit_alone(text, at, inserted):
    at = min(at, len(text))
    new = text[:at] + inserted + text[at:]
    patch = delta.diff({"t": text}, {"t": new})
    assert delta.apply(patch, {"t": text}) == {"t": new}
    if inserted:
        assert len(patch[1]["t"][3]) <= len(inserted)


def test_one_and_true_and_one_point_zero_are_different_values():
    assert delta.diff({"n": 1}, {"n": True}) is not None
    assert delta.diff({"n": 1}, {"n": 1.0}) is not None
