"""A new year from last year's report, a blank new year, and the website history for the chart."""

import pytest

from report.document import SLASH, Agency, Report
from store import StoreError


def test_new_year_carries_profile_texts_and_carry_over(store, seed, seed_agency):
    seed.set("t3", "4", "natural", 2)
    seed.set("t3", "4", "total", 2)
    seed.set("t2", "normative", "in_force", 7)
    store.save(seed)
    store.save_agency(Agency(**{**seed.agency.to_dict(), "phone": "0631-1234567"}))
    new = store.new_year_from_last(seed_agency, 2023)
    assert (new.year, new.form) == (2023, "2021")
    assert new.agency.phone == "0631-1234567"  # the current profile, not last year's copy
    assert new.texts == seed.texts
    assert new.t3["2"]["natural"] == 2 and new.t3["2"]["total"] == 2
    assert new.t3["2"]["commercial"] == seed.t3["4"]["commercial"]
    assert all(v is None for row, cols in new.t3.items() if row != "2" for v in cols.values())
    assert new.get("t2", "normative", "in_force") == 7
    assert new.get("t2", "normative", "issued") is None and new.get("t2", "normative", "repealed") is None
    assert new.get("t2", "licensing", "decisions") is None
    assert all(v is None for cols in new.t4.values() for v in cols.values())
    assert new.fees == {"notices": None, "billed": None, "collected": None}
    assert new.issued_on is None and new.website_counts is None
    assert new.website_counts_history["2022"] == seed.website_counts
    assert new.website_counts_history["2021"] == seed.website_counts_history["2021"]
    assert store.load(seed_agency, 2023).to_dict() == new.to_dict()
    assert store.status(seed_agency, 2023) == "draft"


def test_slash_rows_stay_slash(store, seed, seed_agency):
    for col in ("issued", "repealed", "in_force"):
        seed.set("t2", "rules", col, SLASH)
    store.save(seed)
    new = store.new_year_from_last(seed_agency, 2023)
    assert new.t2["rules"] == {"issued": SLASH, "repealed": SLASH, "in_force": SLASH}


def _report_2020() -> Report:
    r = Report.blank(2020, Agency(name="某某县教育局", self_name="我局"))
    r.texts = {"overview.lead": "2020年总体情况", "other.more": "无"}
    for col in ("natural", "commercial", "total"):
        r.set("t3", "4", col, 1)
    r.set("t3", "3.6", "natural", 4)
    r.set("t2", "licensing", "last_year_items", 10)
    r.set("t2", "licensing", "change", -3)
    r.set("t2", "rules", "total_public", 12)
    for col in ("made", "published", "total_public"):
        r.set("t2", "normative", col, SLASH)
    r.website_counts = {"工作动态": 30}
    return r


def test_2020_to_2021_maps_what_maps(store):
    store.save(_report_2020())
    new = store.new_year_from_last("某某县教育局", 2021)
    assert new.form == "2021"
    assert {c: new.t3["2"][c] for c in ("natural", "commercial", "research", "total")} == \
        {"natural": 1, "commercial": 1, "research": None, "total": 1}
    assert all(new.t3[row][c] is None for row in ("3.6.1", "3.6.2", "3.6.3") for c in new.t3[row])
    assert new.texts == {"overview.lead": "2020年总体情况", "other.more": "无"}
    assert new.t2["normative"] == {"issued": SLASH, "repealed": SLASH, "in_force": SLASH}
    assert new.t2["rules"] == {"issued": None, "repealed": None, "in_force": None}  # 对外公开总数量 ≠ 现行有效件数
    assert new.fees == {"notices": None, "billed": None, "collected": None}
    assert new.website_counts_history == {"2020": {"工作动态": 30}}


def test_2019_to_2020_carries_running_item_counts(store):
    r = _report_2020()
    r.year = 2019
    store.save(r)
    new = store.new_year_from_last("某某县教育局", 2020)
    assert new.form == "2019"
    assert new.get("t2", "licensing", "last_year_items") == 7  # 10 − 3
    assert new.get("t2", "licensing", "change") is None
    assert new.get("t2", "rules", "total_public") == 12
    assert new.get("t3", "2", "natural") == 1


def test_new_year_needs_last_year_and_refuses_an_existing_year(store, seed, seed_agency):
    store.save(seed)
    with pytest.raises(StoreError, match="没有威海市文登区信访局2023年度的报告.*空白"):
        store.new_year_from_last(seed_agency, 2024)
    with pytest.raises(StoreError, match="已经存在"):
        store.new_year_from_last(seed_agency, 2022)


def test_blank_new_year_has_only_the_profile(store, seed, seed_agency):
    store.save(seed)
    new = store.new_blank_year(seed_agency, 2024)
    assert new.agency == seed.agency
    assert new.texts == {} and new.website_counts_history is None
    assert all(v is None for cols in new.t3.values() for v in cols.values())
    assert [s.year for s in store.reports(seed_agency)] == [2022, 2024]
    with pytest.raises(StoreError, match="2019年度起"):
        store.new_blank_year(seed_agency, 2018)


def test_history_comes_from_reports_and_typed_figures(store, seed, seed_agency):
    store.save(seed)
    store.set_history_counts(seed_agency, 2019, {"工作动态": 20})
    store.set_history_counts(seed_agency, 2021, {"工作动态": 41})  # typed over what the 2022 file carried
    history = store.history_counts(seed_agency)
    assert history == {"2019": {"工作动态": 20}, "2021": {"工作动态": 41}, "2022": seed.website_counts}
    assert list(store.history_counts(seed_agency, before_year=2022)) == ["2019", "2021"]
    store.set_history_counts(seed_agency, 2019, None)
    assert "2019" not in store.history_counts(seed_agency)


def test_typed_history_is_refused_for_a_year_the_program_has(store, seed, seed_agency):
    store.save(seed)
    with pytest.raises(StoreError, match="在该年度报告中修改"):
        store.set_history_counts(seed_agency, 2022, {"工作动态": 1})
    with pytest.raises(StoreError, match="不小于 0 的整数"):
        store.set_history_counts(seed_agency, 2020, {"工作动态": -1})
    assert store.history_counts(seed_agency)["2022"] == seed.website_counts


def test_a_correction_to_last_years_report_reaches_this_years_chart(store, seed, seed_agency):
    store.save(seed)
    new = store.new_year_from_last(seed_agency, 2023)
    corrected = store.load(seed_agency, 2022)
    corrected.website_counts = {**seed.website_counts, "工作动态": 61}
    store.save(corrected)
    assert new.website_counts_history["2022"]["工作动态"] == 60  # the copy taken when 2023 was made
    assert store.history_counts(seed_agency, before_year=2023, report=new)["2022"]["工作动态"] == 61


def test_a_report_in_hand_stands_for_the_stored_one_of_its_year(store, seed, seed_agency):
    store.save(seed)
    edited = seed.copy()
    edited.website_counts_history = {**seed.website_counts_history, "2020": {"工作动态": 7}}
    assert "2020" not in store.history_counts(seed_agency)
    assert store.history_counts(seed_agency, report=edited)["2020"] == {"工作动态": 7}
