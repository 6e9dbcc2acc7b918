"""The store's door: the true reason a write is refused, names printed safely, look-alike names as one."""

import errno
import json
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

from gui.main import main
from report.document import Agency, Report
from store import StoreError, open_store
from store.agency_db import AgencyDB
from store.lock import LOCKED_BY_WINDOW

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_command_holding_the_store_is_named_not_a_window(capsys, seed_path):
    with open_store(holder="导入"):
        code, out, err = run(capsys, "import", str(seed_path))
    assert code == 2 and out == ""
    assert err.startswith("无法导入：另一个 nianbao 命令（导入，进程 ") and "请等它结束后再试" in err
    assert "窗口" not in err


def test_a_window_holding_the_store_is_named_as_a_window(capsys, seed_path):
    with open_store():
        code, _, err = run(capsys, "import", str(seed_path))
    assert code == 2 and err.strip() == f"无法导入：{LOCKED_BY_WINDOW}"


def test_a_second_command_in_another_process_is_told_who_holds_the_lock(seed_path, private_data_dir):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from store import open_store; s = open_store(holder='导入'); "
         "print('held', flush=True); sys.stdin.readline(); s.close()"],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        second = subprocess.run([sys.executable, "-m", "gui.main", "import", str(seed_path)], cwd=ROOT,
                                capture_output=True, text=True, encoding="utf-8")
    finally:
        holder.communicate("\n", timeout=30)
    assert second.returncode == 2
    assert f"（导入，进程 {holder.pid}）" in second.stderr and "Traceback" not in second.stderr
    assert not (private_data_dir / "nianbao.lock.owner").exists()  # the holder's note left with it


@pytest.mark.parametrize("code, words", [
    (errno.EROFS, "是只读的或没有写入权限"),
    (errno.EACCES, "是只读的或没有写入权限"),
    (errno.ENOSPC, "磁盘已满"),
    (errno.EIO, "错误 EIO"),
])
def test_a_folder_that_cannot_be_written_says_why(capsys, monkeypatch, seed_path, code, words):
    def refuse(self, *a, **k):
        raise OSError(code, "English text the clerk must not see")

    monkeypatch.setattr(FileLock, "acquire", refuse)
    exit_code, out, err = run(capsys, "import", str(seed_path))
    assert exit_code == 2 and out == "" and words in err and "另一个" not in err
    assert "English" not in err and len(err.splitlines()) == 1
    assert run(capsys, "backup")[0] == 2


def test_reading_commands_work_in_a_read_only_folder_and_say_nothing_of_it(capsys, monkeypatch, seed_path):
    run(capsys, "import", str(seed_path))
    monkeypatch.setattr(FileLock, "acquire", lambda *a, **k: (_ for _ in ()).throw(OSError(errno.EROFS, "x")))
    code, out, err = run(capsys, "list")
    assert code == 0 and "威海市文登区信访局" in out and err == ""


def test_a_full_disk_found_when_noting_the_owner_is_said_as_such(capsys, monkeypatch, seed_path):
    def full(self, *a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_text", full)
    code, _, err = run(capsys, "import", str(seed_path))
    assert code == 2 and "磁盘已满" in err and "No space" not in err


def test_control_characters_are_never_printed_raw(capsys, private_data_dir, tmp_path):
    with open_store() as s:  # written by an older version that let the name in
        s.layout.agencies.mkdir(parents=True, exist_ok=True)
        AgencyDB.create(s.layout.agency_file("old"), Agency(name="\x1b[2J某局"), "2026-01-01T00:00:00+08:00")
        s._files.refresh()
        s.save(Report.blank(2022, Agency(name="\x1b[2J某局")))
    code, out, _ = run(capsys, "list")
    assert code == 0 and "\x1b" not in out and "<U+001B>[2J某局  2022" in out
    code, out, _ = run(capsys, "list", "--agency", "\x1b[31m")
    assert code == 0 and out == "程序中没有“<U+001B>[31m”的报告。\n"
    missing = tmp_path / "a\x1b]0;title\x07.json"
    code, out, err = run(capsys, "import", str(missing))
    assert code == 1 and "\x1b" not in err and "\x07" not in err and "<U+001B>]0;title<U+0007>" in err


def test_look_alike_names_are_one_agency(capsys, seed_path, tmp_path):
    run(capsys, "import", str(seed_path))
    text = seed_path.read_text(encoding="utf-8")
    name = "威海市文登区信访局"
    for variant in ("\ufeff" + name, name + "\u200b", name.replace("局", "局\u200d")):
        f = tmp_path / "variant.json"
        f.write_text(text.replace(f'"name": "{name}"', f'"name": "{variant}"'), encoding="utf-8")
        code, out, _ = run(capsys, "import", str(f))
        assert code == 0 and "无需导入" in out
    with open_store() as s:
        s.save_agency(Agency(name=name + "\u2060", office="办公室"))
        s.save_agency(Agency(name=" " + name + "\u200b "))
        assert [a.name for a in s.agencies()] == [name]
        assert s.exists(name + "\ufeff", 2022)


def test_nfc_and_nfd_names_are_one_agency():
    nfc, nfd = "Caf\u00e9局", "Cafe\u0301局"
    with open_store() as s:
        s.save(Report.blank(2022, Agency(name=nfd)))
        s.save(Report.blank(2023, Agency(name=nfc)))
        assert [a.name for a in s.agencies()] == [nfc]
        assert [r.year for r in s.reports(nfd)] == [2022, 2023]


def test_typed_website_counts_are_bounded_like_cells(store, seed):
    store.save(seed)
    with pytest.raises(StoreError, match="应为 0 到 999999999 之间的整数"):
        store.set_history_counts(seed.agency.name, 2019, {"工作动态": 1_000_000_000})
    store.set_history_counts(seed.agency.name, 2019, {"工作\u200b动态": 999_999_999})
    assert store.history_counts(seed.agency.name)["2019"] == {"工作动态": 999_999_999}


def test_a_defect_on_one_file_names_it_and_the_batch_goes_on(capsys, monkeypatch, seed_path, shuyang_path, tmp_path):
    from store.repository import Store

    real = Store.import_report

    def flaky(self, report, replace=False):
        if report.year == 2022:
            raise RuntimeError("an English detail")
        return real(self, report, replace)

    monkeypatch.setattr(Store, "import_report", flaky)
    code, out, err = run(capsys, "import", str(seed_path), str(shuyang_path))
    assert code == 1 and "已导入沭阳县发展和改革局2023年度报告" in out
    first, summary = err.strip().splitlines()
    assert first.startswith(f"{seed_path}：未导入。导入时出现意外错误。详细情况已记入日志文件")
    assert "English" not in err and "RuntimeError" not in err and str(seed_path) in summary
    assert "RuntimeError: an English detail" in (tmp_path / "nianbao-logs" / "nianbao.log").read_text("utf-8")


def test_a_record_an_older_version_saved_with_control_characters_still_opens(store, seed):
    store.save(seed)
    db = store._db(seed.agency.name)
    doc = json.loads(json.dumps(db.record(2022)["doc"]))
    doc["texts"]["problems"] = "一格\x07"
    doc["agency"]["office"] = "办公\t室"
    rec = {k: v for k, v in db.record(2022).items() if k != "doc_sum"}
    db.commit(reports={2022: {**rec, "doc": doc}})  # as an older version wrote it, then sealed
    loaded = store.load(seed.agency.name, 2022)
    assert loaded.texts["problems"] == "一格" and loaded.agency.office == "办公 室"
