"""Table 4 rules."""



def test_group_total_is_the_sum_of_its_results(of, clean, clean2019):
    for r in (clean, clean2019):
        r.set("t4", "suit_direct", "corrected", 1)
        [f] = of(r, "T4-SUM")
        assert f.severity == "error"
        assert f.message == "行政诉讼·未经复议直接起诉·总计 = 0，但行政诉讼·未经复议直接起诉各项之和 = 1。"
        assert f.cells[0] == "t4/suit_direct/total"


def test_group_total_with_blank_cannot_be_verified(of, clean):
    clean.set("t4", "review", "pending", None)
    [f] = of(clean, "T4-SUM")
    assert f.severity == "warning" and "行政复议·尚未审结为空" in f.message


def test_whole_numbers_only(of, clean):
    clean.set("t4", "review", "upheld", -2)
    [f] = of(clean, "T4-INT")
    assert (f.severity, f.cells) == ("error", ("t4/review/upheld",))
    assert f.message == "行政复议·结果维持 = -2：件数不能为负数。"
