"""The one precedence of earlier years' website counts: a year's own report, then figures typed
for it, then copies reports carry (a later report's before an earlier one's)."""

from report.website_counts import website_history

OWN_2021 = {"工作动态": 40}
TYPED_2021 = {"工作动态": 41}
COPY_2021 = {"工作动态": 39}


def test_a_years_own_report_beats_figures_typed_and_copies_carried():
    history = website_history(own={2021: OWN_2021}, typed={"2021": TYPED_2021}, carried={2022: {"2021": COPY_2021}})
    assert history == {"2021": OWN_2021}


def test_figures_typed_for_a_year_beat_the_copies_reports_carry():
    history = website_history(own={}, typed={"2021": TYPED_2021}, carried={2022: {"2021": COPY_2021}})
    assert history == {"2021": TYPED_2021}


def test_a_later_reports_copy_beats_an_earlier_reports_copy():
    carried = {2023: {"2021": {"工作动态": 2}}, 2022: {"2021": {"工作动态": 1}}}
    assert website_history(own={}, typed={}, carried=carried) == {"2021": {"工作动态": 2}}


def test_a_report_without_counts_does_not_hide_other_records():
    history = website_history(own={2021: None, 2022: {}}, typed={}, carried={2022: {"2021": COPY_2021}})
    assert history == {"2021": COPY_2021}


def test_only_years_before_the_report_in_year_order():
    own = {2022: {"工作动态": 60}, 2023: {"工作动态": 70}}
    history = website_history(own=own, typed={"2019": {"工作动态": 5}}, carried={2022: {"2020": {"工作动态": 9}}},
                              before_year=2023)
    assert list(history) == ["2019", "2020", "2022"]


def test_the_result_is_a_copy_edits_do_not_reach_the_records():
    typed = {"2021": {"工作动态": 41}}
    website_history(own={}, typed=typed, carried={})["2021"]["工作动态"] = 0
    assert typed == {"2021": {"工作动态": 41}}
