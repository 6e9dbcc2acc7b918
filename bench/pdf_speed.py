"""Time the PDF export of the seed report: warm, as a whole process, and beside LibreOffice.

Usage: .venv/bin/python bench/pdf_speed.py [--fonts bundled|system] [--runs N] (bench/export.py runs it too)
Prints figures only; the goals (whole-process `nianbao export --pdf` at least 3× faster than
LibreOffice converting the same report's Word file; warm export ≤ 0.1 s) are read, not asserted.
The whole process runs with a font cache filled beforehand, as on a clerk's machine after the
first export; the first figure shows the cost of an empty cache. Each figure is given as wall
time and as CPU time: on a machine shared with other work the wall time grows with the load,
the CPU time much less; the runs of both programs alternate so that they share the same load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "wendeng-xinfang-2022.json"
NIANBAO = [sys.executable, "-m", "gui.main"]


def _timed(cmd: list[str], env: dict) -> tuple[float, float]:
    """(wall, CPU) seconds of one run of ``cmd``, its child processes included."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _median(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fonts", choices=("bundled", "system"), default="bundled")
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = dict(os.environ, NIANBAO_FONTS="bundled" if args.fonts == "bundled" else "",
                   NIANBAO_CACHE_DIR=str(tmp / "cache"), NIANBAO_DATA_DIR=str(tmp / "data"))
        # A clerk's Python caches bytecode; without it every run would compile the project again.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ.update(env)
        from report.document import Report
        from report.pdf import export_pdf

        out = tmp / "seed.pdf"
        report = Report.load(SEED)
        t0 = time.perf_counter()
        export_pdf(report, out)
        first = time.perf_counter() - t0
        warm = []
        for _ in range(args.runs):
            t, c = time.perf_counter(), time.process_time()
            export_pdf(report, out)
            warm.append((time.perf_counter() - t, time.process_time() - c))
        pages = len(__import__("pypdf").PdfReader(out).pages)
        size = out.stat().st_size

        export = [*NIANBAO, "export", str(SEED), "--pdf", str(tmp / "p.pdf")]
        shutil.rmtree(tmp / "cache")
        cold = _timed(export, env)
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        convert = None
        if soffice:
            from report.word import export_docx

            docx = export_docx(report, tmp / "seed.docx")
            profile = f"-env:UserInstallation=file://{tmp / 'lo-profile'}"
            convert = [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp / "lo"), str(docx)]
            _timed(convert, env)  # the first start creates LibreOffice's profile
        whole, office = [], []
        for _ in range(max(3, args.runs // 2)):
            whole.append(_timed(export, env))
            if convert:
                office.append(_timed(convert, env))

    print(f"fonts: {args.fonts}")
    print(f"first export in this process (imports, fonts from an empty cache): {first:.3f} s")
    wall, cpu = _median(warm)
    print(f"warm export, median of {len(warm)}: {wall:.3f} s wall, {cpu:.3f} s CPU")
    print(f"whole process `nianbao export --pdf`, empty font cache: {cold[0]:.3f} s wall, {cold[1]:.3f} s CPU")
    wall, cpu = _median(whole)
    print(f"whole process `nianbao export --pdf`, median of {len(whole)}: {wall:.3f} s wall, {cpu:.3f} s CPU")
    if office:
        o_wall, o_cpu = _median(office)
        print(f"LibreOffice converting the same report's .docx to PDF, median of {len(office)}: "
              f"{o_wall:.3f} s wall, {o_cpu:.3f} s CPU")
        print(f"nianbao is {o_wall / wall:.1f}× faster (wall), {o_cpu / cpu:.1f}× (CPU)")
    else:
        print("LibreOffice (soffice) not found: no comparison")
    print(f"seed report PDF: {pages} pages, {size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
