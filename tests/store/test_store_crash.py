"""kill -9 at random moments while saving never leaves a store that fails to open, and the
report read back is exactly one of the versions that were saved."""

import random
import subprocess
import sys
import time

from report.document import Report
from store import open_store

ROUNDS = 24


def test_kill_9_while_saving_never_damages_the_store(tmp_path, seed_path, crash_writer):
    version = crash_writer.version
    base = Report.load(seed_path)
    data = tmp_path / "store"
    with open_store(data) as s:
        s.save(version(base, 0))
    rng = random.Random(20261126)
    last, saved_rounds = 0, 0
    for _ in range(ROUNDS):
        child = subprocess.Popen([sys.executable, str(crash_writer.path), str(data), str(seed_path)],
                                 cwd=crash_writer.root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
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
            assert report.to_dict() == version(base, i).to_dict()
            assert i >= last
            saved_rounds += i > last
            last = i
            for rev in s.revisions(base.agency.name, base.year)[:3]:
                old = s.load_revision(base.agency.name, base.year, rev.id)
                assert old.to_dict() == version(base, old.t3["1"]["natural"]).to_dict()
        assert not list(data.rglob(".tmp-*"))
    assert saved_rounds >= ROUNDS // 2  # the kills did land while saves were happening
