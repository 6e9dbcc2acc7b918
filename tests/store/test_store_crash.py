"""kill -9 at random moments while saving never leaves a store that fails to open, and the
report read back is exactly one of the versions that were saved."""

import random
import subprocess
import sys
import time
from pathlib import Path

from report.document import Report
from store import open_store

ROUNDS = 24
ROOT = Path(__file__).resolve().parents[2]

# Version i of the report: the text length swings so that the file both grows and shrinks.
VERSION = '''
def version(base, i):
    r = base.copy()
    r.texts["problems"] = f"第{i}版" + "改" * (i * 733 % 4000)
    r.set("t3", "1", "natural", i)
    r.set("t3", "3.1", "natural", i)
    r.compute_totals()
    return r
'''

CHILD = VERSION + '''
import sys
from report.document import Report
from store import open_store
base = Report.load(sys.argv[2])
s = open_store(sys.argv[1])
i = s.load(base.agency.name, base.year).t3["1"]["natural"]
print("ready", flush=True)
while True:
    i += 1
    s.save(version(base, i))
'''


def _version(base: Report, i: int) -> Report:
    scope: dict = {}
    exec(VERSION, scope)
    return scope["version"](base, i)


def test_kill_9_while_saving_never_damages_the_store(tmp_path, seed_path):
    base = Report.load(seed_path)
    data = tmp_path / "store"
    with open_store(data) as s:
        s.save(_version(base, 0))
    rng = random.Random(20261126)
    last, saved_rounds = 0, 0
    for _ in range(ROUNDS):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(data), str(seed_path)], cwd=ROOT,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        time.sleep(rng.uniform(0, 0.3))
        child.kill()  # SIGKILL
        child.wait()
        child.stdout.close()
        child.stderr.close()
        with open_store(data) as s:
            assert s.notices == [] and not s.read_only
            report = s.load(base.agency.name, base.year)
            i = report.t3["1"]["natural"]
            assert report.to_dict() == _version(base, i).to_dict()
            assert i >= last
            saved_rounds += i > last
            last = i
            for rev in s.revisions(base.agency.name, base.year)[:3]:
                old = s.load_revision(base.agency.name, base.year, rev.id)
                assert old.to_dict() == _version(base, old.t3["1"]["natural"]).to_dict()
        assert not list(data.rglob(".tmp-*"))
    assert saved_rounds >= ROUNDS // 2  # the kills did land while saves were happening
