"""The Linux packages, built as `python3 run.py package` builds them, unpacked and run alone.

The .deb is unpacked with dpkg-deb -x into a temporary root and its program is run with a clean
environment: no virtual environment on PATH, an empty HOME, nothing but the system. Building
takes minutes, so a plain `pytest` leaves these out; `python3 run.py test` (CI) runs them.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

pytestmark = [pytest.mark.package,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the .deb is built on Linux")]

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "wendeng-xinfang-2022.json"
# The offscreen platform's own notice for every top-level window; the venv's program prints it too.
OFFSCREEN_NOTICE = "This plugin does not support propagateSizeHints()"


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    dist, work = tmp_path_factory.mktemp("dist"), tmp_path_factory.mktemp("work")
    subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(dist), "--work", str(work)],
                   check=True, cwd=ROOT, timeout=3600)
    [deb] = dist.glob("nianbao_*_amd64.deb")
    [tarball] = dist.glob("nianbao-*-linux-x86_64.tar.gz")
    root = tmp_path_factory.mktemp("root")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return SimpleNamespace(deb=deb, tarball=tarball, root=root, program=root / "opt" / "nianbao" / "nianbao")


@pytest.fixture
def clean_env(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}


def run(built, env, *args, timeout=120):
    return subprocess.run([str(built.program), *args], env=env, capture_output=True, text=True, timeout=timeout)


def test_the_deb_installs_only_under_opt_and_the_usual_places(built):
    listing = subprocess.run(["dpkg-deb", "-c", str(built.deb)], capture_output=True, text=True, check=True).stdout
    paths = [line.split()[5].removeprefix(".") for line in listing.splitlines()]
    allowed = re.compile(r"^/((opt(/nianbao(/.*)?)?|usr(/bin(/nianbao)?|/share(/applications(/nianbao\.desktop)?"
                         r"|/icons(/hicolor(/[^/]+(/apps(/nianbao\.(png|svg))?)?)?)?|/doc(/nianbao(/copyright)?)?)?)?))?/?$")
    assert [p for p in paths if not allowed.match(p)] == []
    assert os.readlink(built.root / "usr" / "bin" / "nianbao") == "/opt/nianbao/nianbao"
    for size in (16, 32, 48, 128, 256):
        assert (built.root / f"usr/share/icons/hicolor/{size}x{size}/apps/nianbao.png").is_file()

    subprocess.run(["dpkg-deb", "-e", str(built.deb), str(built.root.parent / "control")], check=True)
    assert sorted(os.listdir(built.root.parent / "control")) == ["control"]  # no install-time scripts
    fields = subprocess.run(["dpkg-deb", "-f", str(built.deb), "Depends", "Version"], capture_output=True,
                            text=True, check=True).stdout
    for package in load("bundle_filter").SYSTEM_PACKAGES:
        assert re.search(rf"(^|[\s,|]){re.escape(package)}(\s|,|$)", fields), package


def test_the_desktop_entry_names_the_program_in_chinese_under_office(built):
    entry = (built.root / "usr/share/applications/nianbao.desktop").read_text(encoding="utf-8")
    assert "\nName=年报助手\n" in entry
    assert re.search(r"^Categories=.*\bOffice;", entry, re.M)
    assert "\nExec=nianbao\n" in entry and "\nIcon=nianbao\n" in entry
    checked = subprocess.run(["desktop-file-validate", str(built.root / "usr/share/applications/nianbao.desktop")],
                             capture_output=True, text=True) if shutil.which("desktop-file-validate") else None
    assert checked is None or checked.stdout == "", checked and checked.stdout


def test_version_runs_from_the_unpacked_package(built, clean_env):
    result = run(built, clean_env, "--version")
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"nianbao \d+\.\d+\.\d+\n", result.stdout)


def test_check_on_the_seed_report_finds_no_error(built, clean_env):
    result = run(built, clean_env, "check", str(SEED))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "结论：没有错误" in result.stdout
    assert result.stderr == ""


def test_export_pdf_embeds_every_font(built, clean_env, tmp_path):
    out = tmp_path / "年报.pdf"
    result = run(built, clean_env, "export", str(SEED), "--pdf", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts, "the PDF has no fonts"
    for row in fonts:  # name type encoding emb sub uni object ID
        assert row.split()[-5] == "yes", row


def test_import_then_list_keeps_the_report_in_the_data_folder(built, clean_env, tmp_path):
    data = tmp_path / "数据"
    imported = run(built, clean_env, "--data-dir", str(data), "import", str(SEED))
    assert imported.returncode == 0, imported.stdout + imported.stderr
    listed = run(built, clean_env, "--data-dir", str(data), "list")
    assert listed.returncode == 0, listed.stderr
    assert "威海市文登区信访局" in listed.stdout and "2022" in listed.stdout


def test_the_window_starts_offscreen_and_stays_up_without_errors(built, clean_env, tmp_path):
    env = dict(clean_env, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([str(built.program), "--data-dir", str(tmp_path / "data")], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(5)
        assert proc.poll() is None, f"exited with {proc.returncode}: {proc.stderr.read()}"
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=30)
    assert [line for line in err.splitlines() if line != OFFSCREEN_NOTICE] == []
    assert out == ""


@pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xwininfo")), reason="needs Xvfb and xwininfo")
def test_the_window_opens_on_an_x_server_with_only_the_system_libraries(built, clean_env, tmp_path):
    x = load("xserver").XServer()
    display = x.ensure()
    proc = subprocess.Popen([str(built.program), "--data-dir", str(tmp_path / "data")],
                            env=dict(clean_env, DISPLAY=display), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        windows = ""
        deadline = time.monotonic() + 60
        while "年报助手" not in windows and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.5)
            windows = subprocess.run(["xwininfo", "-display", display, "-root", "-tree"], capture_output=True,
                                     text=True).stdout
        assert re.search(r'"年报助手": \("nianbao" "nianbao"\)', windows), windows
        time.sleep(2)
        assert proc.poll() is None, f"exited with {proc.returncode}"
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=30)
        x.stop()
    assert err == "" and out == ""


def test_every_library_loaded_from_the_system_comes_with_the_declared_dependencies(built):
    bundle_filter, inspect_bundle = load("bundle_filter"), load("inspect_bundle")
    allowed = bundle_filter.dependency_closure(bundle_filter.SYSTEM_PACKAGES)
    owners = {}
    for name, path in inspect_bundle.system_libraries(built.root / "opt" / "nianbao").items():
        found = subprocess.run(["dpkg", "-S", str(Path(path).resolve())], capture_output=True, text=True)
        if found.returncode != 0:  # merged /usr: dpkg may know the /lib spelling
            found = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True)
        owners[name] = found.stdout.split(":")[0]
    assert {n: p for n, p in owners.items() if p not in allowed} == {}


def test_the_tarball_holds_the_same_program(built, tmp_path):
    subprocess.run(["tar", "-xzf", str(built.tarball), "-C", str(tmp_path)], check=True)
    [top] = tmp_path.iterdir()
    assert (top / "LICENSE").is_file() and (top / "COPYRIGHT").is_file()
    result = subprocess.run([str(top / "nianbao"), "--version"], capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"})
    assert result.returncode == 0 and result.stdout.startswith("nianbao ")
