"""The one atomic writer (report.files): every file the program writes is whole or absent, and
gets the permissions any file the clerk makes would get."""

import errno
import os
import stat
from pathlib import Path

import pytest

from report import files
from report.document import Report
from report.pdf import export_pdf
from report.pdf import fonts as fontsel

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


@pytest.fixture
def umask():
    """umask(mask) for the rest of the test; the old mask comes back afterwards."""
    old = os.umask(0o022)
    yield os.umask
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_written_file_has_the_permissions_the_umask_gives(tmp_path, umask, mask, expected):
    umask(mask)
    files.atomic_write(tmp_path / "new.json", b"{}")
    files.atomic_write(tmp_path / "new.json", b"{}")  # replacing it too
    assert mode(tmp_path / "new.json") == expected


@posix_only
def test_an_exported_pdf_and_report_file_are_readable_by_others_under_umask_022(tmp_path, umask, seed_path,
                                                                                 monkeypatch):
    from report.exports import export

    monkeypatch.setenv(fontsel.FONTS_ENV, "bundled")
    umask(0o022)
    report = Report.load(seed_path)
    pdf = export_pdf(report, tmp_path / "报告.pdf", draft=False)
    json_file = export(report, {"json": tmp_path / "报告.json"})[0]
    assert (mode(pdf), mode(json_file)) == (0o644, 0o644)
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert Report.load(json_file).to_dict() == report.to_dict()


@posix_only
def test_the_store_files_and_backups_follow_the_umask(private_data_dir, umask, seed_path):
    from store import open_store

    umask(0o022)
    with open_store() as s:
        s.save(Report.load(seed_path))
        backup = s.backup_now()
    (agency_file,) = (private_data_dir / "db" / "agencies").glob("*.json")
    assert (mode(agency_file), mode(backup)) == (0o644, 0o644)


def test_a_failed_replace_keeps_the_old_file_leaves_no_temporary_file_and_names_the_target(tmp_path,
                                                                                           monkeypatch):
    path = tmp_path / "report.pdf"
    files.atomic_write(path, b"old")

    def disk_full(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "replace", disk_full)
    with pytest.raises(OSError) as info:
        files.atomic_write(path, b"new")
    assert info.value.errno == errno.ENOSPC and info.value.filename == str(path)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_an_error_while_writing_leaves_the_old_file_and_no_temporary_file(tmp_path):
    path = tmp_path / "data.json"
    files.atomic_write(path, b"old")
    with pytest.raises(RuntimeError), files.atomic_file(path) as fh:
        fh.write(b"half")
        raise RuntimeError("the writer failed half way")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["data.json"]


def test_a_missing_folder_is_named_in_the_error(tmp_path):
    with pytest.raises(FileNotFoundError) as info:
        files.atomic_write(tmp_path / "gone" / "x.json", b"{}")
    assert info.value.filename == str(tmp_path / "gone")


def test_replace_is_retried_on_windows_while_another_process_holds_the_file(tmp_path, monkeypatch):
    real_replace, calls = os.replace, []

    def busy_twice(src, dst):
        calls.append(dst)
        if len(calls) <= 2:
            raise PermissionError(13, "The process cannot access the file because it is being used by another process")
        real_replace(src, dst)

    monkeypatch.setattr(files, "RETRY_REPLACE", True)
    monkeypatch.setattr(files, "REPLACE_PAUSE", 0)
    monkeypatch.setattr(files.os, "replace", busy_twice)
    files.atomic_write(tmp_path / "db.json", b"{}")
    assert len(calls) == 3
    assert (tmp_path / "db.json").read_bytes() == b"{}"


def test_the_pdf_says_whether_the_folder_or_the_file_refused(tmp_path, seed_path, monkeypatch):
    from report.pdf import PdfError

    monkeypatch.setenv(fontsel.FONTS_ENV, "bundled")
    report, real_open = Report.load(seed_path), os.open

    def folder_refuses_new_files(path, flags, *args, **kwargs):
        if flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    with monkeypatch.context() as m:
        m.setattr(os, "open", folder_refuses_new_files)
        with pytest.raises(PdfError, match="没有权限在这个文件夹里保存文件"):
            export_pdf(report, tmp_path / "r.pdf", draft=False)

    def held_by_a_reader(src, dst):
        raise PermissionError(errno.EACCES, "The process cannot access the file", str(dst))

    monkeypatch.setattr(files, "RETRY_REPLACE", False)
    monkeypatch.setattr(files.os, "replace", held_by_a_reader)
    with pytest.raises(PdfError, match="正在被其他程序"):
        export_pdf(report, tmp_path / "r.pdf", draft=False)
    assert list(tmp_path.iterdir()) == []
