"""What the PyInstaller bundle leaves out, used by nianbao.spec.

PyInstaller copies every Qt plugin of the modules used and every library they link to. Left as
is, the bundle carries GTK (for the GTK platform theme), the embedded-Linux platforms and their
own copies of X11, fontconfig, GLib, D-Bus and CUPS. The plugins nianbao cannot use are dropped;
on Linux the libraries that the .deb's dependencies provide are taken from the system, so that
Qt talks to the desktop's own X/Wayland, fonts, input methods and printers, and libraries no
remaining file needs are dropped with them.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
from pathlib import Path, PurePosixPath

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from run import APT_RUN  # noqa: E402

# Qt plugins a desktop program needs: X11 and Wayland windows, offscreen (tests and headless
# preview), input methods (ibus, compose), CUPS printing. Everything else under plugins/ goes.
KEEP_PLUGINS = re.compile(
    r"plugins/(platforms/(lib)?q(xcb|wayland|offscreen|minimal|windows|direct2d)\b"
    r"|platforminputcontexts/|printsupport/|xcbglintegrations/|wayland-|styles/"
    r"|platformthemes/(lib)?qxdgdesktopportal)")

# The system libraries run.py installs for Qt; the .deb depends on them (the fonts it only recommends).
SYSTEM_PACKAGES = [p for p in APT_RUN if not p.startswith("fonts-")]


def _dest(entry) -> str:
    return str(PurePosixPath(entry[0].replace("\\", "/")))


def is_plugin(entry) -> bool:
    return "/plugins/" in "/" + _dest(entry)


def keep_plugin(entry) -> bool:
    return not is_plugin(entry) or bool(KEEP_PLUGINS.search(_dest(entry)))


def _installed_depends() -> dict[str, list[str]]:
    """Installed package -> the packages it depends on (every alternative of an a | b)."""
    out = subprocess.run(["dpkg-query", "-W", "-f=${Package}\t${Depends}, ${Pre-Depends}\n"],
                         capture_output=True, text=True, check=True).stdout
    graph = {}
    for line in out.splitlines():
        name, _, deps = line.partition("\t")
        graph[name] = [re.sub(r"[\s(:].*", "", alt.strip()) for dep in deps.split(",")
                       for alt in dep.split("|") if alt.strip()]
    return graph


def dependency_closure(roots: list[str]) -> set[str]:
    graph = _installed_depends()
    seen, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name in seen or name not in graph:
            continue
        seen.add(name)
        todo.extend(graph[name])
    return seen


def shared_objects(packages: set[str]) -> set[str]:
    """File names of the shared libraries these installed packages ship."""
    names = set()
    for package in packages:
        listed = subprocess.run(["dpkg-query", "-L", package], capture_output=True, text=True).stdout
        names.update(PurePosixPath(p).name for p in listed.splitlines() if ".so" in PurePosixPath(p).name)
    return names


@functools.cache
def needed(path: str) -> frozenset[str]:
    """The DT_NEEDED entries of an ELF file."""
    out = subprocess.run(["objdump", "-p", path], capture_output=True, text=True).stdout
    return frozenset(re.findall(r"^\s+NEEDED\s+(\S+)", out, re.M))


def is_library(entry) -> bool:
    """A shared library pulled in as a dependency (not a Python extension module or a plugin)."""
    name = PurePosixPath(_dest(entry)).name
    return name.startswith("lib") and ".so" in name and not is_plugin(entry) and not name.startswith("libpython")


def linux_binaries(binaries: list) -> list:
    """The binaries to bundle on Linux: without unused plugins, system libraries or orphans.

    A library stays only if a Python extension module, a kept plugin or libpython reaches it
    through DT_NEEDED (reachability, not reference counts: two unused Qt libraries need each
    other).
    """
    system = shared_objects(dependency_closure(SYSTEM_PACKAGES))
    kept = [b for b in binaries if keep_plugin(b) and PurePosixPath(_dest(b)).name not in system]
    files = [b for b in kept if b[2] != "SYMLINK"]
    by_name: dict[str, list] = {}
    for b in files:
        by_name.setdefault(PurePosixPath(_dest(b)).name, []).append(b)
    reached = {_dest(b) for b in files if not is_library(b)}
    todo = [b for b in files if not is_library(b)]
    while todo:
        for name in needed(todo.pop()[1]):
            for dep in by_name.get(name, []):
                if _dest(dep) not in reached:
                    reached.add(_dest(dep))
                    todo.append(dep)
    return [b for b in kept if (_link_target(b) if b[2] == "SYMLINK" else _dest(b)) in reached]


def _link_target(entry) -> str:
    """Where a SYMLINK entry (dest, target relative to dest's folder, "SYMLINK") points."""
    return str(PurePosixPath(os.path.normpath(PurePosixPath(_dest(entry)).parent / entry[1])))
