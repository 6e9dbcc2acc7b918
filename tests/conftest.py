"""Test setup shared by every test: Qt offscreen, and a private data folder per test."""

import logging
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session", autouse=True)
def private_cache_dir(tmp_path_factory):
    """Parsed fonts are cached in a folder of the test session, never in the user's cache."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NIANBAO_CACHE_DIR", str(tmp_path_factory.mktemp("nianbao-cache")))
        yield


@pytest.fixture(scope="module")
def bundled_fonts():
    """Only the fonts shipped in resources/fonts, whatever the machine has: the PDFs and chart
    pictures of a test come out the same on every machine (autouse in tests/pdf, readers, exports)."""
    from report.pdf.fonts import FONTS_ENV

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(FONTS_ENV, "bundled")
        yield


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    """No test ever touches the real user data, settings or log folder."""
    d = tmp_path / "nianbao-data"
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(d))
    monkeypatch.setenv("NIANBAO_SETTINGS_DIR", str(tmp_path / "nianbao-settings"))
    monkeypatch.setenv("NIANBAO_LOG_DIR", str(tmp_path / "nianbao-logs"))
    return d


@pytest.fixture
def seed_path() -> Path:
    return DATA / "wendeng-xinfang-2022.json"


@pytest.fixture
def shuyang_path() -> Path:
    return DATA / "shuyang-fagaiju-2023.json"


@pytest.fixture(autouse=True)
def no_log_file_left_open():
    """A command run in-process opens the test's log file; close it with the test."""
    yield
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, logging.FileHandler)]:
        root.removeHandler(handler)
        handler.close()
