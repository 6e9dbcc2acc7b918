"""A refused or failed change leaves the data folder byte for byte as it was; a record changed on
disk is noticed by its checksum and never served as the report; the history stays small."""

import errno
import json
import os
import random
import shutil

import pytest

from store import StoreError, StoreWriteError, checksums, open_store, revisions, storage
from store.cli import cmd_list


def _disk_full(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def _agency_file(root):
    (path,) = (root / "db" / "agencies").glob("*.json")
    return path


def test_a_replace_that_fails_on_a_full_disk_changes_nothing(store, seed, private_data_dir, files_snapshot,
                                                             monkeypatch, seed_agency):
    store.save(seed)
    store.close()
    s = open_store()  # a new day's first change would take the daily backup
    before = files_snapshot(private_data_dir)
    changed = seed.copy()
    changed.texts["problems"] = "导入的新内容。"
    monkeypatch.setattr(os, "replace", _disk_full)
    try:
        with pytest.raises(StoreWriteError, match="磁盘空间不足"):
            s.import_report(changed, replace=True)
        assert files_snapshot(private_data_dir) == before  # no "replaced" revision, no backup left behind
        monkeypatch.undo()
        assert s.import_report(changed, replace=True) == "replaced"
        assert [r.kind for r in s.revisions(seed_agency, 2022)] == ["replaced"]
    finally:
        s.close()


def test_a_new_agency_that_cannot_be_written_leaves_no_agency_behind(store, seed, private_data_dir, files_snapshot,
                                                                     monkeypatch):
    before = files_snapshot(private_data_dir)
    monkeypatch.setattr(os, "replace", _disk_full)
    with pytest.raises(StoreWriteError):
        store.import_report(seed)
    assert files_snapshot(private_data_dir) == before
    assert store.agencies() == []


def test_a_log_record_cut_short_by_a_full_disk_is_taken_back(store, seed, private_data_dir, files_snapshot,
                                                              monkeypatch):
    store.save(seed)
    seed.texts["problems"] = "第二版"
    store.save(seed)
    before = files_snapshot(private_data_dir)
    real_write = os.write

    def half_then_full(fd, data):
        if len(data) > 10:
            real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage.os, "write", half_then_full)
    seed.texts["problems"] = "第三版"
    with pytest.raises(StoreWriteError, match="磁盘空间不足"):
        store.save(seed)
    assert files_snapshot(private_data_dir) == before


@pytest.mark.parametrize("action", ["mark_final", "reopen", "delete"])
def test_final_reopen_and_delete_that_fail_change_nothing(store, seed, private_data_dir, files_snapshot, monkeypatch,
                                                          seed_agency, action):
    store.save(seed)
    seed.texts["problems"] = "第二版"
    store.save(seed)  # a history to record in (and for delete to move aside)
    if action == "reopen":
        store.mark_final(seed_agency, 2022)
    before = files_snapshot(private_data_dir)

    def agency_file_cannot_be_written(path, data):
        raise StoreWriteError(f"无法保存到 {path}：磁盘空间不足，请清理磁盘后再试。")

    monkeypatch.setattr(storage, "atomic_write", agency_file_cannot_be_written)
    with pytest.raises(StoreWriteError):
        getattr(store, action)(seed_agency, 2022)
    assert files_snapshot(private_data_dir) == before  # the log record, the backup, the moved log: all undone


def test_importing_over_a_final_report_is_one_change_and_identical_content_none(store, seed, seed_agency):
    store.save(seed)
    store.mark_final(seed_agency, 2022)
    assert store.import_report(seed.copy(), replace=True, over_final=True) == "same"
    assert store.status(seed_agency, 2022) == "final"
    changed = seed.copy()
    changed.texts["problems"] = "导入的新内容。"
    with pytest.raises(StoreError, match="已定稿"):
        store.import_report(changed, replace=True)
    assert store.import_report(changed, replace=True, over_final=True) == "replaced"
    assert store.status(seed_agency, 2022) == "draft"
    assert [r.kind for r in store.revisions(seed_agency, 2022)] == ["replaced", "reopen", "final"]


# ---------------------------------------------------------------------- checksums
def _edit_stored_figure(path, new_value):
    """Change a figure inside the stored report without breaking the JSON: only a checksum can tell."""
    data = json.loads(path.read_bytes())
    rec = next(iter(data["reports"].values()))
    rec["doc"]["t3"]["1"]["natural"] = new_value
    path.write_bytes(storage.dumps(data))


def test_a_figure_changed_on_disk_is_noticed_and_the_saved_one_comes_back(store, seed, private_data_dir, seed_agency):
    store.save(seed)
    seed.texts["problems"] = "第二版"
    store.save(seed)
    store.close()
    _edit_stored_figure(_agency_file(private_data_dir), 777)
    s = open_store()
    try:
        assert s.load(seed_agency, 2022).to_dict() == seed.to_dict()
        (notice,) = s.notices
        assert "校验和不符" in notice and "2022年度报告已从历史版本恢复" in notice
    finally:
        s.close()


def test_one_damaged_agency_never_breaks_the_list_of_the_others(store, seed, shuyang, private_data_dir, capsys):
    store.save(seed)
    (first,) = (private_data_dir / "db" / "agencies").glob("*.json")
    store.save(shuyang)
    store.close()
    first.write_bytes(b"\x00" * 100)  # no backup, no history: this agency cannot come back
    args = type("Args", (), {"agency": None, "data_dir": None})()
    assert cmd_list(args) == 0
    out, err = capsys.readouterr()
    assert shuyang.agency.name in out and "已损坏" in err


def _versions(seed, n):
    out = []
    for i in range(n):
        r = seed.copy()
        r.texts["problems"] = f"第{i}版。" + "问题" * 200
        r.set("t3", "1", "natural", i)
        r.compute_totals()
        out.append(r)
    return out


def test_single_bit_flips_in_an_agency_file_are_never_served_as_the_report(tmp_path, seed, seed_agency):
    """A sample of the drill in bench/faults.py: each flip is noticed (and repaired), or harmless."""
    pristine = tmp_path / "pristine"
    versions = _versions(seed, 4)
    with open_store(pristine) as s:
        for v in versions:
            s.save(v)
    size = _agency_file(pristine).stat().st_size
    rng = random.Random(9)
    for _ in range(30):
        data = tmp_path / "flipped"
        shutil.rmtree(data, ignore_errors=True)
        shutil.copytree(pristine, data)
        path = _agency_file(data)
        raw = bytearray(path.read_bytes())
        bit = rng.randrange(size * 8)
        raw[bit // 8] ^= 1 << (bit % 8)
        path.write_bytes(bytes(raw))
        with open_store(data) as s:
            assert [r.agency for r in s.all_reports()] in ([seed_agency], [])  # list always answers
            if s.exists(seed_agency, 2022):
                got = s.load(seed_agency, 2022).to_dict()
                assert got == versions[-1].to_dict() or (s.notices and got in [v.to_dict() for v in versions])
            else:
                assert s.notices


def test_a_damaged_history_record_is_never_served_as_a_version(store, seed, seed_agency):
    versions = _versions(seed, 6)
    for v in versions:
        store.save(v)
    log = store.layout.revision_log(store._db(seed_agency).id, 2022)
    raw = bytearray(log.read_bytes())
    known = [v.to_dict() for v in versions]
    rng = random.Random(3)
    for _ in range(40):
        flipped = bytearray(raw)
        bit = rng.randrange(len(raw) * 8)
        flipped[bit // 8] ^= 1 << (bit % 8)
        log.write_bytes(bytes(flipped))
        for rev in store.revisions(seed_agency, 2022):
            try:
                old = store.load_revision(seed_agency, 2022, rev.id)
            except StoreError:
                continue
            assert old.to_dict() in known


# ---------------------------------------------------------------------- history size
def test_history_grows_with_the_changes_not_with_the_report(store, seed, seed_agency):
    for f in seed.texts:
        seed.texts[f] = f"{f}：" + "依法公开政府信息，" * 2000  # about 0.4 MB in all
    size = len(seed.dumps().encode())
    expected = []
    for i in range(revisions.COMPACT_AT + 30):
        text = seed.texts["problems"]
        seed.texts["problems"] = text[:i * 7] + f"（第{i}次）" + text[i * 7:]
        store.save(seed)
        expected.append(seed.to_dict())
        if i % 50 == 49:  # a new program instance carries on the same history
            store.close()
            store = open_store()
    log = store.layout.revision_log(store._db(seed_agency).id, 2022)
    keyframes = (revisions.COMPACT_AT // revisions.KEYFRAME_EVERY) + 2
    assert log.stat().st_size < keyframes * size + 200 * 1000
    revs = store.revisions(seed_agency, 2022)
    assert len(revs) == revisions.MAX_DRAFTS
    back = [store.load_revision(seed_agency, 2022, r.id).to_dict() for r in revs]
    assert back == expected[-2::-1][: revisions.MAX_DRAFTS]  # newest first, each exactly as saved
    store.close()


def test_a_log_of_the_previous_format_is_read_and_carried_on(store, seed, seed_agency):
    store.save(seed)
    old = seed.to_dict()
    log = store.layout.revision_log(store._db(seed_agency).id, 2022)
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_bytes(b"\n" + json.dumps({"id": 1, "time": "2026-01-01T10:00:00+08:00", "kind": "draft",
                                        "doc": old}, ensure_ascii=False).encode())
    seed.texts["problems"] = "新格式的第一版"
    store.save(seed)
    seed.texts["problems"] = "新格式的第二版"
    store.save(seed)
    texts = [store.load_revision(seed_agency, 2022, r.id).texts["problems"] for r in store.revisions(seed_agency, 2022)]
    assert texts == ["新格式的第一版", old["texts"]["problems"], old["texts"]["problems"]]


def test_every_record_of_an_agency_file_is_sealed(store, seed, private_data_dir):
    store.save(seed)
    data = json.loads(_agency_file(private_data_dir).read_bytes())
    records = [r for table in data.values() for r in table.values()]
    assert len(records) == 3 and all(checksums.intact(r) for r in records)


def test_a_corrupted_timestamp_is_damage_noticed_and_never_breaks_the_list(store, seed, shuyang, private_data_dir,
                                                                          capsys, seed_agency):
    store.save(seed)
    (path,) = (private_data_dir / "db" / "agencies").glob("*.json")
    store.save(shuyang)
    store.backup_now()
    store.close()
    data = json.loads(path.read_bytes())
    next(iter(data["reports"].values()))["modified"] = "2026-13-45T99:00:00+08:00"  # valid JSON, impossible time
    path.write_bytes(storage.dumps(data))
    args = type("Args", (), {"agency": None, "data_dir": None})()
    assert cmd_list(args) == 0
    out, err = capsys.readouterr()
    assert seed_agency in out and shuyang.agency.name in out  # the damaged one came back from the backup
    assert "校验和不符" in err and "备份恢复" in err


def test_a_store_of_the_previous_format_is_sealed_after_a_backup(store, seed, private_data_dir, seed_agency):
    store.save(seed)
    store.close()
    path = _agency_file(private_data_dir)
    data = json.loads(path.read_bytes())
    for table in data.values():  # as version 1 wrote it: no checksums
        for rec in table.values():
            rec.pop("sum", None)
            rec.pop("doc_sum", None)
    data["meta"]["1"]["schema"] = 1
    old = storage.dumps(data)
    path.write_bytes(old)
    s = open_store()
    try:
        assert s.load(seed_agency, 2022).to_dict() == seed.to_dict()
        (backup,) = s.backups()
        assert backup.reason == "before-migration"
        upgraded = json.loads(path.read_bytes())
        assert all(checksums.intact(r) for table in upgraded.values() for r in table.values())
    finally:
        s.close()
