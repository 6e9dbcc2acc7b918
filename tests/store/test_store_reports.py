"""Reports in the store: saving, revisions, final/reopen, deletion, the year list."""

import datetime as dt
import errno
import json
import os
import zipfile

import pytest

from report.document import Agency
from store import StoreError, StoreLockedError, StoreWriteError, checksums, open_store, revisions, storage


def test_saved_report_reads_back_equal_and_creates_its_agency(store, seed, seed_agency):
    assert store.save(seed) is True
    assert [a.name for a in store.agencies()] == [seed_agency]
    assert store.get_agency(seed_agency) == seed.agency
    assert store.load(seed_agency, 2022).to_dict() == seed.to_dict()
    assert store.status(seed_agency, 2022) == "draft"


def test_report_survives_closing_and_reopening(store, seed, seed_agency):
    store.save(seed)
    store.close()
    again = open_store()
    try:
        assert again.load(seed_agency, 2022).to_dict() == seed.to_dict()
    finally:
        again.close()


def test_saving_unchanged_content_reports_no_change_and_keeps_no_revision(store, seed, seed_agency):
    store.save(seed)
    assert store.save(seed.copy()) is False
    assert store.revisions(seed_agency, 2022) == []


def test_file_is_utf8_text_with_chinese_as_characters(store, seed, private_data_dir, seed_agency):
    store.save(seed)
    (path,) = (private_data_dir / "db" / "agencies").glob("*.json")
    assert seed_agency.encode("utf-8") in path.read_bytes()


def test_blank_zero_and_slash_stay_distinct(store, seed, seed_agency):
    seed.set("t2", "rules", "issued", "/")
    seed.set("t2", "rules", "repealed", None)
    seed.set("t2", "rules", "in_force", 0)
    store.save(seed)
    back = store.load(seed_agency, 2022)
    assert [back.get("t2", "rules", c) for c in ("issued", "repealed", "in_force")] == ["/", None, 0]


def test_each_changing_save_keeps_the_previous_content_with_its_time(store, seed, seed_agency):
    store.save(seed)
    first_saved = store.reports(seed_agency)[0].modified
    seed.texts["problems"] = "第二版"
    store.save(seed)
    (rev,) = store.revisions(seed_agency, 2022)
    assert rev.kind == "draft" and rev.time == first_saved
    old = store.load_revision(seed_agency, 2022, rev.id)
    assert old.texts["problems"] != "第二版"
    assert store.load(seed_agency, 2022).texts["problems"] == "第二版"


def test_going_back_to_a_revision_keeps_the_current_one_too(store, seed, seed_agency):
    original = seed.texts["problems"]
    store.save(seed)
    seed.texts["problems"] = "改坏了"
    store.save(seed)
    rev = store.revisions(seed_agency, 2022)[0]
    store.revert(seed_agency, 2022, rev.id)
    assert store.load(seed_agency, 2022).texts["problems"] == original
    assert "改坏了" in [store.load_revision(seed_agency, 2022, r.id).texts["problems"]
                        for r in store.revisions(seed_agency, 2022)]


def test_revisions_keep_the_last_100_drafts_and_every_final(store, seed, seed_agency):
    store.save(seed)
    store.mark_final(seed_agency, 2022)
    store.reopen(seed_agency, 2022)
    for i in range(1, 131):
        seed.texts["problems"] = f"第{i}版"
        store.save(seed)
    revs = store.revisions(seed_agency, 2022)
    drafts = [r for r in revs if r.kind == "draft"]
    assert len(drafts) == revisions.MAX_DRAFTS
    # newest first: the last draft kept is version 129 (130 is current), the oldest kept is 30
    texts = [store.load_revision(seed_agency, 2022, r.id).texts["problems"] for r in (drafts[0], drafts[-1])]
    assert texts == ["第129版", "第30版"]
    assert [r.kind for r in revs if r.kind != "draft"] == ["reopen", "final"]
    log_lines = store.layout.revision_log(store._db(seed_agency).id, 2022).read_bytes().count(b"\n")
    assert log_lines < revisions.COMPACT_AT + 2  # the file itself is compacted, not only the listing


def test_import_adds_a_year_skips_identical_content_and_replaces_only_when_asked(store, seed, seed_agency):
    assert store.import_report(seed) == "new"
    assert store.import_report(seed.copy()) == "same"
    changed = seed.copy()
    changed.texts["problems"] = "导入的新内容。"
    with pytest.raises(StoreError, match="--replace"):
        store.import_report(changed)
    assert store.load(seed_agency, 2022).texts["problems"] == seed.texts["problems"]
    assert store.import_report(changed, replace=True) == "replaced"
    assert store.load(seed_agency, 2022).texts["problems"] == "导入的新内容。"
    assert store.revisions(seed_agency, 2022)[0].kind == "replaced"
    store.mark_final(seed_agency, 2022)
    with pytest.raises(StoreError, match="已定稿"):
        store.import_report(seed, replace=True)


def test_year_list_has_status_times_and_the_counts_handed_to_the_save(store, seed, shuyang, seed_agency):
    from report.checks import check
    from report.findings import Severity

    counts = check(shuyang).counts()
    store.save(seed)
    store.save(shuyang, counts=counts)
    (s,) = store.reports("沭阳县发展和改革局")
    assert (s.year, s.status) == (2023, "draft")
    assert (s.errors, s.warnings) == (counts[Severity.ERROR], counts[Severity.WARNING])
    assert s.errors >= 1  # no 落款日期
    assert isinstance(s.modified, dt.datetime)
    (s,) = store.reports(seed_agency)
    assert (s.errors, s.warnings) == (None, None)  # saved without counts: unknown until counted
    assert store.count_findings(seed_agency, 2022)[0] == 0


def test_a_save_without_counts_never_runs_the_checker(store, seed, shuyang, seed_agency, monkeypatch):
    import report.checks  # the store imports the checker where it uses it

    calls = []

    def counted(*args, **kwargs):  # a store that caught a checker failure would hide a raise
        calls.append(args)
        raise AssertionError("the checker ran inside a save")

    monkeypatch.setattr(report.checks, "check", counted)
    store.save(seed)
    assert store.import_report(shuyang) == "new"
    seed.texts["problems"] = "导入的新内容。"
    assert store.import_report(seed, replace=True) == "replaced"
    store.new_year_from_last(seed_agency, 2023)
    store.new_blank_year(seed_agency, 2024)
    store.revert(seed_agency, 2022, store.revisions(seed_agency, 2022)[0].id)
    assert calls == []
    assert {(s.year, s.errors, s.warnings) for s in store.all_reports()} == {
        (2022, None, None), (2023, None, None), (2024, None, None)}


def test_saving_last_year_makes_the_cross_year_counts_of_this_year_unknown(store, seed, seed_agency):
    from report.checks import check

    store.save(seed)
    nxt = store.new_year_from_last(seed_agency, 2023)
    nxt.set("t3", "2", "natural", 0)
    nxt.texts["problems"] = "本年度的问题。"
    assert store.save(nxt, counts=check(nxt, seed).counts())
    before = store.reports(seed_agency)[1].warnings
    assert before == store.count_findings(seed_agency, 2023)[1]
    seed.set("t3", "4", "natural", 3)  # last year now carries 3 over; this year says 0 → Y-CARRY
    seed.set("t3", "1", "natural", 3)
    seed.compute_totals()
    store.save(seed)
    assert store.reports(seed_agency)[1].warnings is None  # its stored counts no longer hold
    assert store.count_findings(seed_agency, 2023)[1] > before


def test_final_requires_no_errors(store, shuyang):
    store.save(shuyang)
    with pytest.raises(StoreError, match="错误"):
        store.mark_final("沭阳县发展和改革局", 2023)
    assert store.status("沭阳县发展和改革局", 2023) == "draft"


def test_final_report_cannot_change_until_reopened(store, seed, seed_agency):
    store.save(seed)
    store.mark_final(seed_agency, 2022)
    assert store.status(seed_agency, 2022) == "final"
    assert store.save(seed) is False  # an autosave of unchanged content is harmless
    changed = seed.copy()
    changed.texts["problems"] = "定稿后又改"
    with pytest.raises(StoreError, match="已定稿.*撤回为草稿"):
        store.save(changed)
    assert store.load(seed_agency, 2022).to_dict() == seed.to_dict()
    store.reopen(seed_agency, 2022)
    assert store.save(changed) is True
    kinds = [r.kind for r in store.revisions(seed_agency, 2022)]
    assert kinds == ["draft", "reopen", "final"]
    final = next(r for r in store.revisions(seed_agency, 2022) if r.kind == "final")
    assert store.load_revision(seed_agency, 2022, final.id).to_dict() == seed.to_dict()


def test_delete_backs_up_first_and_keeps_the_history_file(store, seed, private_data_dir, seed_agency):
    store.save(seed)
    seed.texts["problems"] = "第二版"
    store.save(seed)
    backup = store.delete(seed_agency, 2022)
    assert backup.exists() and "before-delete" in backup.name
    assert not store.exists(seed_agency, 2022)
    with pytest.raises(StoreError, match="没有找到"):
        store.load(seed_agency, 2022)
    assert list((private_data_dir / "db" / "revisions").rglob("2022.deleted-*.jsonl"))
    store.restore(backup)
    assert store.load(seed_agency, 2022).texts["problems"] == "第二版"
    # the restore's own safety backup holds the deleted report's history too
    assert any("deleted" in n for n in zipfile.ZipFile(store.backups()[0].path).namelist())


def test_missing_report_and_agency_give_chinese_errors(store):
    with pytest.raises(StoreError, match="没有找到单位"):
        store.load("某某局", 2022)
    assert store.reports("某某局") == []
    assert store.get_agency("某某局") is None


def test_report_without_agency_name_is_refused(store, seed):
    seed.agency.name = "  "
    with pytest.raises(StoreError, match="单位名称"):
        store.save(seed)


def test_agency_profile_is_updated(store):
    store.save_agency(Agency(name="某某局", office="办公室"))
    store.save_agency(Agency(name="某某局", office="综合科"))
    assert store.get_agency("某某局").office == "综合科"
    assert len(store.agencies()) == 1


def test_failed_write_raises_store_write_error_and_a_later_save_succeeds(store, seed, monkeypatch, seed_agency):
    store.save(seed)
    seed.texts["problems"] = "断电前没保存上的修改"
    kept = seed.to_dict()
    real_replace = os.replace

    def disk_full(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage.os, "replace", disk_full)
    with pytest.raises(StoreWriteError, match="磁盘空间不足"):
        store.save(seed)
    assert seed.to_dict() == kept  # the caller's report is untouched
    assert store.load(seed_agency, 2022).texts["problems"] != "断电前没保存上的修改"
    monkeypatch.setattr(storage.os, "replace", real_replace)
    assert store.save(seed) is True
    assert store.load(seed_agency, 2022).texts["problems"] == "断电前没保存上的修改"
    drafts = [r for r in store.revisions(seed_agency, 2022) if r.kind == "draft"]
    assert len(drafts) == 1  # the retry did not record the old content twice


def test_read_only_file_system_error(store, seed, monkeypatch, seed_agency):
    real_open = os.open

    def read_only_fs(path, flags, *args, **kwargs):
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only_fs)
    with pytest.raises(StoreWriteError, match="只读"):
        store.save(seed)
    assert seed.agency.name == seed_agency


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_real_read_only_folder(store, seed, private_data_dir):
    store.save(seed)
    folder = private_data_dir / "db" / "agencies"
    folder.chmod(0o555)
    try:
        seed.texts["problems"] = "改了"
        with pytest.raises(StoreWriteError, match="只读或没有写入权限"):
            store.save(seed)
    finally:
        folder.chmod(0o755)
    assert store.save(seed) is True


def test_second_instance_is_read_only(store, seed, private_data_dir, seed_agency):
    store.save(seed)
    second = open_store()
    try:
        assert second.read_only is True
        assert store.read_only is False
        assert any("另一个年报助手窗口" in n for n in second.notices)
        assert second.load(seed_agency, 2022).to_dict() == seed.to_dict()
        with pytest.raises(StoreLockedError, match="只能查看"):
            second.save(seed)
        for write in (lambda: second.backup_now(), lambda: second.mark_final(seed_agency, 2022),
                      lambda: second.new_blank_year(seed_agency, 2023)):
            with pytest.raises(StoreLockedError):
                write()
        seed.texts["problems"] = "第一个窗口的修改"
        store.save(seed)
        assert second.load(seed_agency, 2022).texts["problems"] == "第一个窗口的修改"
    finally:
        second.close()


def test_lock_is_released_on_close(store):
    store.close()
    again = open_store()
    try:
        assert again.read_only is False
    finally:
        again.close()


def test_data_dir_order_and_creation(tmp_path, monkeypatch):
    from store.paths import data_dir

    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path / "env"))
    assert data_dir(tmp_path / "opt") == tmp_path / "opt" and (tmp_path / "opt").is_dir()
    assert data_dir() == tmp_path / "env" and (tmp_path / "env").is_dir()
    monkeypatch.delenv("NIANBAO_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert data_dir().name == "nianbao"
    assert (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="不是文件夹"):
        data_dir(tmp_path / "file")


def test_newer_file_version_is_not_touched(store, seed, private_data_dir):
    store.save(seed)
    store.close()
    (path,) = (private_data_dir / "db" / "agencies").glob("*.json")
    data = json.loads(path.read_bytes())
    data["meta"]["1"] = checksums.seal({"schema": 99})  # a newer program seals its version record
    raw = json.dumps(data).encode()
    path.write_bytes(raw)
    s = open_store()
    try:
        assert s.read_only
        assert any("更新版本" in n for n in s.notices)
    finally:
        s.close()
    assert path.read_bytes() == raw


def test_renamed_agency_keeps_its_reports_under_old_and_new_names(store, seed, seed_agency):
    store.save(seed)
    store.rename_agency(seed_agency, "威海市文登区信访事务中心")
    assert [a.name for a in store.agencies()] == ["威海市文登区信访事务中心"]
    assert [s.year for s in store.reports("威海市文登区信访事务中心")] == [2022]
    old = store.load("威海市文登区信访事务中心", 2022)
    old.texts["problems"] = "更名后修改旧年度"
    assert store.save(old) is True  # the 2022 report still carries the old name: same agency
    assert len(store.agencies()) == 1
    with pytest.raises(StoreError, match="以前的名称"):
        store.save_agency(Agency(name=seed_agency))
    store.save_agency(Agency(name="另一个局"))
    with pytest.raises(StoreError, match="不能重名"):
        store.rename_agency("另一个局", "威海市文登区信访事务中心")


def test_spaces_around_the_agency_name_do_not_make_a_second_agency(store, seed, seed_agency):
    seed.agency.name = f" {seed_agency} "
    store.save(seed)
    seed.texts["problems"] = "第二版"
    store.save(seed)
    assert [a.name for a in store.agencies()] == [seed_agency]
