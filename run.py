#!/usr/bin/env python3
"""Set up everything on a fresh machine, then start nianbao or run its tests.

    python3 run.py          install (first time) and start the program
    python3 run.py test     install (first time) and run the test suite, packages included
    python3 run.py package  build dist/nianbao-<v>-linux-x86_64.tar.gz and dist/nianbao_<v>_amd64.deb
    python3 run.py -- ARGS  install and run the command line: nianbao ARGS

Makes a virtual environment in .venv beside this file and installs the package into it. On
Debian-like systems, when run as root, it first installs the system libraries Qt needs, the
PDF tools and the CJK fonts the tests use, if they are missing. Works on Windows too (no system
packages are needed there).

The environment is made with the newest CPython >= 3.12 found (the ``py`` launcher on Windows,
python3.N on PATH, pyenv's versions), because PySide6 6.12 relies on None/True/False being
immortal, which they are only from 3.12 on; 3.11 is used only when nothing newer exists. A .venv
made with an older Python than the best one found is rebuilt.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = HERE / ".venv"
# Qt offscreen/xcb/wayland needs these on a minimal Debian (the .deb depends on the same libraries);
# the tests need poppler and the fonts.
APT_RUN = ["libglib2.0-0", "libegl1", "libgl1", "libx11-6", "libdbus-1-3", "libfontconfig1", "libfreetype6",
           "libxkbcommon0", "libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0",
           "libxcb-keysyms1", "libxcb-render-util0", "libxcb-shape0", "libxcb-xkb1", "libcups2",
           "libwayland-client0", "libwayland-cursor0", "libwayland-egl1", "fonts-noto-cjk"]
APT_PACKAGE = ["binutils"]  # PyInstaller reads the libraries' dependencies with objdump
APT_TEST = ["poppler-utils", "xvfb", "xauth", "x11-utils", "fonts-wqy-microhei", "fonts-liberation",
            "libreoffice-writer-nogui", "chromium"]


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


MINORS = (14, 13, 12, 11)  # newest first (PySide6 6.12 has no wheels past 3.14); 3.11 last
# Passed over while another usable Python exists. 3.13.0 crashed the test suite; the cause was
# ours (see gui/gc_guard.py) and is fixed, but 3.13.0 has passed far fewer full runs than 3.12,
# so 3.12 is kept until a 3.13.1 or newer is installed.
KNOWN_BAD = {(3, 13, 0)}
_PROBE = "import sys, platform; print(platform.python_implementation(), *sys.version_info[:3], sys.executable)"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def candidate_commands() -> list[list[str]]:
    """Every way of starting a Python this machine offers, in no particular order."""
    cmds: list[list[str]] = []
    if os.name == "nt" and shutil.which("py"):
        cmds += [["py", f"-3.{minor}"] for minor in MINORS]
    cmds += [[exe] for minor in MINORS if (exe := shutil.which(f"python3.{minor}"))]
    roots = [os.environ.get("PYENV_ROOT", ""), str(Path.home() / ".pyenv")]
    if shutil.which("pyenv"):
        out = subprocess.run(["pyenv", "root"], capture_output=True, text=True)
        roots.append(out.stdout.strip())
    for root in filter(None, roots):
        cmds += [[exe] for exe in glob.glob(os.path.join(root, "versions", "3.1[1-9]*", "bin", "python3"))]
    cmds.append([sys.executable])
    return [list(c) for c in dict.fromkeys(map(tuple, cmds))]


def probe(cmd: list[str]) -> tuple[tuple[int, int, int], str] | None:
    """(version, real executable) of a CPython, or None when it is not one or does not start."""
    try:
        out = subprocess.run([*cmd, "-c", _PROBE], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    fields = out.stdout.split(maxsplit=4)
    if out.returncode != 0 or len(fields) != 5 or fields[0] != "CPython":
        return None
    return (int(fields[1]), int(fields[2]), int(fields[3])), fields[4].strip()


def best_python() -> tuple[tuple[int, int, int], str]:
    """The newest usable CPython: >= 3.12 and not known-bad if any; else the newest 3.11+."""
    found = {}
    for cmd in candidate_commands():
        if (hit := probe(cmd)) and hit[0] >= (3, 11) and hit[0][:2] <= (3, MINORS[0]):
            found[hit[1]] = hit[0]
    if not found:
        sys.exit("找不到 Python 3.11 或更新的版本：请安装 Python 3.12（或 3.13.1 以上）后再运行。")
    ranked = sorted(((v, exe) for exe, v in found.items()),
                    key=lambda ve: (ve[0] >= (3, 12), ve[0] not in KNOWN_BAD, ve[0]), reverse=True)
    return ranked[0]


def venv_version() -> tuple[int, int, int] | None:
    """The Python version an existing .venv was made with (from its pyvenv.cfg)."""
    try:
        cfg = (VENV / "pyvenv.cfg").read_text(encoding="utf-8")
    except OSError:
        return None
    m = re.search(r"^version(?:_info)?\s*=\s*(\d+)\.(\d+)\.(\d+)", cfg, re.M)
    return (int(m[1]), int(m[2]), int(m[3])) if m else None


def ensure_venv(extra: str) -> Path:
    py = venv_python()
    version, base = best_python()
    current = venv_version() if py.exists() else None
    if current is not None and (current in KNOWN_BAD or current[:2] < version[:2]):
        print(f"用 Python {'.'.join(map(str, version))} 重建 .venv（原为 {'.'.join(map(str, current))}）", flush=True)
        shutil.rmtree(VENV)
        current = None
    if current is None or not py.exists():
        made = subprocess.run([base, "-m", "venv", str(VENV)])
        if made.returncode != 0:  # Debian's python3 without python3-venv
            apt_install([f"python3.{version[1]}-venv", "python3-venv"])
            shutil.rmtree(VENV, ignore_errors=True)
            subprocess.run([base, "-m", "venv", str(VENV)], check=True)
    stamp = VENV / f".installed{extra}"
    sources = [HERE / "pyproject.toml"]
    if not stamp.exists() or stamp.stat().st_mtime < max(s.stat().st_mtime for s in sources):
        subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", "-e",
                        f"{HERE}{extra}"], check=True)
        stamp.touch()
    return py


def main(argv: list[str]) -> int:
    if argv[:1] == ["test"]:
        apt_install(APT_RUN + APT_TEST + APT_PACKAGE)
        py = ensure_venv("[test]")
        # pyproject.toml leaves the package tests out of a plain pytest run; this command (CI's) runs them
        everything = ["-m", "package or not package"]
        return subprocess.run([str(py), "-m", "pytest", *everything, *argv[1:]], cwd=HERE).returncode
    if argv[:1] == ["package"]:
        apt_install(APT_RUN + APT_PACKAGE)
        py = ensure_venv("[package]")
        return subprocess.run([str(py), str(HERE / "packaging" / "build.py"), *argv[1:]], cwd=HERE).returncode
    apt_install(APT_RUN)
    py = ensure_venv("")
    args = argv[1:] if argv[:1] == ["--"] else argv
    return subprocess.run([str(py), "-m", "gui.main", *args], cwd=HERE).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
