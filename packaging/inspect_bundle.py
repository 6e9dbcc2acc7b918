"""Facts about a built Linux bundle: the oldest glibc it runs on and the system libraries it loads.

Used by the package test and bench/package.py; ``python packaging/inspect_bundle.py DIR``
prints both for a bundle folder (or an unpacked .deb's opt/nianbao).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path


def elf_files(root: Path) -> list[Path]:
    """Every ELF file (executables and shared objects) under root, symlinks excluded."""
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as fh:
                if fh.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def glibc_versions(path: Path) -> set[tuple[int, ...]]:
    """The GLIBC_x.y symbol versions a file requires (objdump's version references)."""
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True).stdout
    refs = out.partition("Version References:")[2]
    return {tuple(int(n) for n in v.split(".")) for v in re.findall(r"\bGLIBC_(\d+(?:\.\d+)+)\b", refs)}


def glibc_floor(root: Path) -> tuple[tuple[int, ...], list[Path]]:
    """The newest GLIBC_ version any file needs (= the oldest glibc it runs on), and the files needing it."""
    needs = {path: glibc_versions(path) for path in elf_files(root)}
    floor = max(v for vs in needs.values() for v in vs)
    return floor, [p for p, vs in needs.items() if floor in vs]


def system_libraries(root: Path) -> dict[str, str]:
    """Library name -> path on this system, for what the bundle's files load from outside it.

    Raises RuntimeError naming the files whose libraries are missing ("not found" in ldd).
    """
    internal = root / "_internal"
    env = {"LD_LIBRARY_PATH": f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}", "PATH": "/usr/bin:/bin"}
    outside, missing = {}, []
    for path in elf_files(root):
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
        for name, target in re.findall(r"^\s*(\S+) => (.+?) \(0x", out, re.M):
            if not Path(target).resolve().is_relative_to(root.resolve()):
                outside[name] = target
        missing += [f"{path.relative_to(root)}: {n}" for n in re.findall(r"^\s*(\S+) => not found", out, re.M)]
    if missing:
        raise RuntimeError("缺少系统库：\n" + "\n".join(sorted(set(missing))))
    return outside


def main(argv: list[str]) -> int:
    root = Path(argv[0])
    floor, files = glibc_floor(root)
    print(f"glibc >= {'.'.join(map(str, floor))}  (needed by {', '.join(p.name for p in files[:5])})")
    for name, path in sorted(system_libraries(root).items()):
        print(f"  {name:32} {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
