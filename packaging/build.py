"""Build the Linux packages: the PyInstaller bundle, dist/nianbao-<v>-linux-x86_64.tar.gz and
dist/nianbao_<v>_amd64.deb. Run through ``python3 run.py package``, which makes the venv first.

The .deb puts the bundle under /opt/nianbao, a link /usr/bin/nianbao, the desktop entry and
the icons in the usual places, and runs no script at install time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
sys.path.insert(0, str(PACKAGING))

from bundle_filter import SYSTEM_PACKAGES  # noqa: E402

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Debian 13 and Ubuntu 24.04 renamed these for 64-bit time_t; either name satisfies the .deb.
RENAMED = {"libglib2.0-0": "libglib2.0-0t64", "libcups2": "libcups2t64"}


def version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)["project"]["version"]


def build_bundle(work: Path) -> Path:
    """The one-folder bundle (work/bundle/nianbao), built from packaging/nianbao.spec."""
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(work / "bundle"), "--workpath", str(work / "pyinstaller"),
                    str(PACKAGING / "nianbao.spec")], check=True, cwd=ROOT)
    return work / "bundle" / "nianbao"


def make_tarball(bundle: Path, dist: Path, v: str) -> Path:
    out = dist / f"nianbao-{v}-linux-x86_64.tar.gz"
    top = f"nianbao-{v}"
    with tarfile.open(out, "w:gz") as tar:
        tar.add(bundle, arcname=top)
        tar.add(ROOT / "LICENSE", arcname=f"{top}/LICENSE")
        tar.add(PACKAGING / "linux" / "copyright", arcname=f"{top}/COPYRIGHT")
    return out


def depends() -> str:
    return ", ".join(f"{p} | {RENAMED[p]}" if p in RENAMED else p for p in SYSTEM_PACKAGES)


def tree_size_kib(root: Path) -> int:
    return sum(p.lstat().st_size for p in root.rglob("*")) // 1024 + 1


def make_deb(bundle: Path, work: Path, dist: Path, v: str) -> Path:
    root = work / "deb"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(bundle, root / "opt" / "nianbao", symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    os.symlink("/opt/nianbao/nianbao", root / "usr" / "bin" / "nianbao")
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy(PACKAGING / "linux" / "nianbao.desktop", apps)
    icons = root / "usr" / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        folder = icons / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy(ROOT / "resources" / "icons" / f"nianbao-{size}.png", folder / "nianbao.png")
    (icons / "scalable" / "apps").mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "icons" / "nianbao.svg", icons / "scalable" / "apps")
    doc = root / "usr" / "share" / "doc" / "nianbao"
    doc.mkdir(parents=True)
    shutil.copy(PACKAGING / "linux" / "copyright", doc)
    control = (PACKAGING / "linux" / "control.in").read_text(encoding="utf-8").format(
        version=v, depends=depends(), installed_size=tree_size_kib(root))
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(control, encoding="utf-8")
    for path in root.rglob("*"):  # dpkg-deb refuses group/other-writable trees under some umasks
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
    out = dist / f"nianbao_{v}_amd64.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(out)], check=True,
                   stdout=subprocess.DEVNULL)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="构建 Linux 安装包（.tar.gz 与 .deb）")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="安装包的输出文件夹")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "package", help="中间文件的文件夹")
    args = parser.parse_args(argv)
    if not sys.platform.startswith("linux"):
        sys.exit("此命令只在 Linux 上构建；Windows 安装程序的构建步骤见 packaging/README.md。")
    v = version()
    args.dist.mkdir(parents=True, exist_ok=True)
    bundle = build_bundle(args.work)
    for out in (make_tarball(bundle, args.dist, v), make_deb(bundle, args.work, args.dist, v)):
        print(f"{out}  {out.stat().st_size / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
