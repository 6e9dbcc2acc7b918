#!/usr/bin/env python3
"""Set up everything on a fresh machine, then start nianbao or run its tests.

    python3 run.py          install (first time) and start the program
    python3 run.py test     install (first time) and run the test suite
    python3 run.py -- ARGS  install and run the command line: nianbao ARGS

Makes a virtual environment in .venv beside this file and installs the package into it. On
Debian-like systems, when run as root, it first installs the system libraries Qt needs, the
PDF tools and the CJK fonts the tests use, if they are missing. Works on Windows with Python
3.11+ (no system packages are needed there).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = HERE / ".venv"
# Qt offscreen/xcb needs these on a minimal Debian; the tests need poppler and the fonts.
APT_RUN = ["libglib2.0-0", "libegl1", "libgl1", "libx11-6", "libdbus-1-3", "libfontconfig1", "libfreetype6",
           "libxkbcommon0", "libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0",
           "libxcb-keysyms1", "libxcb-render-util0", "libxcb-shape0", "libxcb-xkb1", "libcups2",
           "fonts-noto-cjk"]
APT_TEST = ["poppler-utils", "xvfb", "xauth", "fonts-arphic-gbsn00lp", "fonts-arphic-gkai00mp",
            "fonts-wqy-microhei", "libreoffice-writer-nogui", "chromium"]


def apt_install(packages: list[str]) -> None:
    if sys.platform != "linux" or not shutil.which("apt-get") or os.geteuid() != 0:
        return
    missing = [p for p in packages
               if subprocess.run(["dpkg-query", "-W", "-f=${Status}", p], capture_output=True,
                                 text=True).stdout.strip() != "install ok installed"]
    if not missing:
        return
    print("安装系统软件包：", " ".join(missing), flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], check=True, env=env)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv(extra: str) -> Path:
    py = venv_python()
    if not py.exists():
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except Exception:  # Debian's python3 without python3-venv
            apt_install(["python3-venv"])
            shutil.rmtree(VENV, ignore_errors=True)
            venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed{extra}"
    sources = [HERE / "pyproject.toml"]
    if not stamp.exists() or stamp.stat().st_mtime < max(s.stat().st_mtime for s in sources):
        subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", "-e",
                        f"{HERE}{extra}"], check=True)
        stamp.touch()
    return py


def main(argv: list[str]) -> int:
    if argv[:1] == ["test"]:
        apt_install(APT_RUN + APT_TEST)
        py = ensure_venv("[test]")
        return subprocess.run([str(py), "-m", "pytest", *argv[1:]], cwd=HERE).returncode
    apt_install(APT_RUN)
    py = ensure_venv("")
    args = argv[1:] if argv[:1] == ["--"] else argv
    return subprocess.run([str(py), "-m", "gui.main", *args], cwd=HERE).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
