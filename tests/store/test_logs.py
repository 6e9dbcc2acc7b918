"""The log file: where whoever helps the clerk finds what went wrong, and never a reason to stop."""

import logging

from gui.main import main
from store import logs
from store.repository import Store


def test_an_unexpected_failure_of_a_command_is_logged_with_its_traceback(capsys, monkeypatch, tmp_path):
    def broken(self):
        raise RuntimeError("模拟的程序缺陷")

    monkeypatch.setattr(Store, "all_reports", broken)
    assert main(["list"]) == 2
    err = capsys.readouterr().err.strip()
    log_file = tmp_path / "nianbao-logs" / logs.LOG_NAME
    assert len(err.splitlines()) == 1 and "Traceback" not in err  # the clerk reads one sentence …
    assert "RuntimeError" in err and str(log_file) in err  # … naming the file with the details
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: 模拟的程序缺陷" in text and "in broken" in text


def test_every_command_is_noted_in_the_same_log(capsys, tmp_path):
    assert main(["list"]) == 0
    assert main(["backup"]) == 0
    text = (tmp_path / "nianbao-logs" / logs.LOG_NAME).read_text(encoding="utf-8")
    assert " list" in text and " backup" in text


def test_the_log_rotates_and_keeps_only_a_few_files(monkeypatch, tmp_path):
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    path = logs.setup()
    for i in range(400):
        logging.getLogger("nianbao.test").info("第 %d 条记录", i)
    kept = sorted(p.name for p in path.parent.iterdir())
    assert kept == [logs.LOG_NAME] + [f"{logs.LOG_NAME}.{i}" for i in range(1, logs.KEEP + 1)]
    assert all(p.stat().st_size <= 2000 + 200 for p in path.parent.iterdir())  # a record may straddle the limit
    assert "第 399 条记录" in path.read_text(encoding="utf-8")


def test_a_log_folder_that_cannot_be_made_does_not_stop_the_program(capsys, monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("NIANBAO_LOG_DIR", str(blocker / "logs"))
    assert logs.setup() is None and logs.log_file() is None
    assert "未能记入日志文件" in logs.where()
    assert main(["list"]) == 0
    assert capsys.readouterr().out == "程序中还没有报告。\n"
