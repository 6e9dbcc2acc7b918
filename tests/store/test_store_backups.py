"""Backups, restore, damaged files and format migrations: past years are never lost."""

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from store import StoreError, backups, migrations, open_store
from store.backups import Backup, to_keep


def test_first_change_of_a_day_backs_up_the_state_before_it(store, seed, private_data_dir, seed_agency):
    store.save(seed)  # an empty store has nothing to back up
    assert store.backups() == []
    store.close()
    s = open_store()  # a new day's session
    try:
        changed = seed.copy()
        changed.texts["problems"] = "今天的修改"
        s.save(changed)
        changed.texts["problems"] = "今天的第二次修改"
        s.save(changed)
        (daily,) = s.backups()
        assert daily.reason == "daily" and daily.time.date() == dt.date.today()
        s.close()
        s = open_store()
        s.save(seed)  # already backed up today
        assert len(s.backups()) == 1
        s.restore(daily.path)
        assert s.load(seed_agency, 2022).to_dict() == seed.to_dict()
    finally:
        s.close()


def test_backup_on_request_and_restore_backs_up_the_current_state_first(store, seed, seed_agency):
    store.save(seed)
    manual = store.backup_now()
    assert manual.name.endswith("-manual.zip")
    seed.texts["problems"] = "备份之后的修改"
    store.save(seed)
    store.new_blank_year(seed_agency, 2023)
    before = store.restore(manual)
    assert [s.year for s in store.reports(seed_agency)] == [2022]
    assert store.load(seed_agency, 2022).texts["problems"] != "备份之后的修改"
    assert "before-restore" in before.name
    store.restore(before)  # and back again: nothing was lost
    assert store.load(seed_agency, 2022).texts["problems"] == "备份之后的修改"
    assert [s.year for s in store.reports(seed_agency)] == [2022, 2023]


def test_restoring_a_bad_file_changes_nothing(store, seed, private_data_dir, tmp_path, files_snapshot):
    store.save(seed)
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip")
    foreign = tmp_path / "foreign.zip"
    with zipfile.ZipFile(foreign, "w") as zf:
        zf.writestr("../../etc/evil.json", "{}")
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(broken, "w") as zf:
        zf.writestr("agencies/abc.json", '{"meta": ')
    before = files_snapshot(private_data_dir)
    for bad, message in ((junk, "不是年报助手的备份文件"), (foreign, "不认识的文件"), (broken, "已损坏"),
                         (tmp_path / "missing.zip", "找不到备份文件")):
        with pytest.raises(StoreError, match=message):
            store.restore(bad)
    assert files_snapshot(private_data_dir) == before


def test_rotation_keeps_14_days_and_one_per_month_for_a_year():
    now = dt.datetime(2026, 11, 26, 12, 0)
    days = [now - dt.timedelta(days=d) for d in range(0, 500)]
    bs = [Backup(Path(f"b{i}"), t, "daily") for i, t in enumerate(days)]
    bs.append(Backup(Path("manual-today"), now.replace(hour=9), "manual"))
    keep = to_keep(bs, now)
    kept = sorted((b for b in bs if b.path in keep), key=lambda b: b.time, reverse=True)
    recent = {b.time.date() for b in kept if now - b.time < dt.timedelta(days=14)}
    assert len(recent) == 14
    assert Path("manual-today") in keep  # every backup of a recent day
    older = [b for b in kept if now - b.time >= dt.timedelta(days=14)]
    months = [(b.time.year, b.time.month) for b in older]
    assert len(months) == len(set(months))  # one per month
    assert all(now - b.time <= dt.timedelta(days=366) for b in older)
    assert len(older) >= 11
    assert all(b.time.day == _last_day(b.time) for b in older if (b.time.year, b.time.month) != (2025, 11))


def _last_day(t: dt.datetime) -> int:
    nxt = (t.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return (nxt - dt.timedelta(days=1)).day


def test_rotate_deletes_only_files_outside_the_rule(store, seed):
    store.save(seed)
    now = dt.datetime.now()
    for d in range(40):
        backups.create(store.layout, "daily", now=now - dt.timedelta(days=d))
    removed = backups.rotate(store.layout)
    assert len(store.backups()) == 40 - len(removed)
    assert len({b.time.date() for b in store.backups()}) == len(store.backups())
    assert {b.time.date() for b in store.backups()} >= {(now - dt.timedelta(days=d)).date() for d in range(14)}


def _agency_file(root):
    (path,) = (root / "db" / "agencies").glob("*.json")
    return path


def test_damaged_file_is_moved_aside_and_its_newest_version_comes_back_from_the_history(
        store, seed, private_data_dir, seed_agency):
    store.save(seed)
    store.backup_now()
    seed.texts["problems"] = "备份之后的修改"
    store.save(seed)
    store.close()
    path = _agency_file(private_data_dir)
    damaged = path.read_bytes()[:-40] + b"\x00garbage"
    path.write_bytes(damaged)
    s = open_store()
    try:
        assert s.load(seed_agency, 2022).to_dict() == seed.to_dict()  # nothing lost: the log leads to it
        (aside,) = (private_data_dir / "damaged").iterdir()
        assert aside.read_bytes() == damaged  # never deleted, never overwritten
        (notice,) = s.notices
        assert "已损坏" in notice and str(aside) in notice and "2022年度报告已从历史版本恢复" in notice
        seed.texts["problems"] = "恢复之后的修改"
        assert s.save(seed)  # the store works again
    finally:
        s.close()


def test_damaged_file_without_history_comes_back_from_the_newest_backup(store, seed, private_data_dir, seed_agency):
    import shutil

    store.save(seed)
    store.backup_now()
    seed.texts["problems"] = "备份之后的修改"
    store.save(seed)
    store.close()
    shutil.rmtree(private_data_dir / "db" / "revisions")
    path = _agency_file(private_data_dir)
    path.write_bytes(path.read_bytes()[:-40] + b"\x00garbage")
    s = open_store()
    try:
        assert s.load(seed_agency, 2022).texts["problems"] != "备份之后的修改"
        (notice,) = s.notices
        assert "已损坏" in notice and "的备份恢复" in notice and "重新填写" in notice
    finally:
        s.close()


def test_damaged_file_without_backup_is_kept_and_reported(store, seed, private_data_dir):
    store.save(seed)
    store.close()
    path = _agency_file(private_data_dir)
    path.write_text("这不是 JSON", encoding="utf-8")
    s = open_store()
    try:
        assert s.agencies() == []
        assert any("没有找到可用的备份" in n for n in s.notices)
        assert list((private_data_dir / "damaged").iterdir())[0].read_text(encoding="utf-8") == "这不是 JSON"
    finally:
        s.close()


def test_read_only_instance_does_not_touch_a_damaged_file(store, seed, private_data_dir):
    store.save(seed)
    path = _agency_file(private_data_dir)
    path.write_bytes(b"{broken")
    second = open_store()
    try:
        assert second.read_only and any("已损坏" in n for n in second.notices)
        assert path.read_bytes() == b"{broken"
    finally:
        second.close()


def test_interrupted_restore_is_finished_when_the_store_opens(store, seed, private_data_dir, seed_agency):
    store.save(seed)
    backup = store.backup_now()
    store.close()
    # the state right after "db" was moved away and before the staging folder took its place
    staging = private_data_dir / "db.restoring"
    with zipfile.ZipFile(backup) as zf:
        zf.extractall(staging)
    (staging / ".complete").write_bytes(b"")
    (private_data_dir / "db").rename(private_data_dir / "db.replaced")
    s = open_store()
    try:
        assert s.load(seed_agency, 2022).to_dict() == seed.to_dict()
        assert not staging.exists() and not (private_data_dir / "db.replaced").exists()
    finally:
        s.close()


def test_migration_backs_up_first_then_upgrades(store, seed, private_data_dir, monkeypatch, seed_agency):
    store.save(seed)
    store.close()
    old_bytes = _agency_file(private_data_dir).read_bytes()

    def to_v2(data):
        for rec in data["reports"].values():
            rec["migrated"] = True
        return data

    now = migrations.SCHEMA_VERSION
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", now + 1)
    monkeypatch.setitem(migrations.MIGRATIONS, now, to_v2)
    s = open_store()
    try:
        (b,) = s.backups()
        assert b.reason == "before-migration"
        assert backups.read_member(b.path, f"agencies/{_agency_file(private_data_dir).name}") == old_bytes
        assert any("升级" in n for n in s.notices)
        assert s.load(seed_agency, 2022).to_dict() == seed.to_dict()
        raw = _agency_file(private_data_dir).read_text(encoding="utf-8")
        assert f'"schema":{now + 1}' in raw and '"migrated":true' in raw
    finally:
        s.close()
