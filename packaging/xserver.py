"""A private Xvfb for running the packaged window under X (the package test, bench/package.py).

Other programs on a shared machine start and end their own X servers; this one checks that its
server still answers before each use and starts a new one when it does not.
"""

from __future__ import annotations

import os
import random
import subprocess
import time


class XServer:
    def __init__(self) -> None:
        self.proc: subprocess.Popen | None = None
        self.display = ""

    def __enter__(self) -> XServer:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def answers(self) -> bool:
        return bool(self.display) and subprocess.run(["xwininfo", "-display", self.display, "-root"],
                                                     capture_output=True).returncode == 0

    def ensure(self) -> str:
        """The display of a running server, started (again) if needed."""
        if self.proc is None or self.proc.poll() is not None or not self.answers():
            self.stop()
            self._start()
        return self.display

    def _start(self) -> None:
        """Xvfb on a free display number away from the low ones other tools pick."""
        for _ in range(5):
            number = random.randrange(100, 900)
            if os.path.exists(f"/tmp/.X{number}-lock"):
                continue
            self.display = f":{number}"
            # -noreset: by default the server resets when its last client leaves and refuses
            # connections meanwhile, which made a program started right after a check fail
            self.proc = subprocess.Popen(["Xvfb", self.display, "-screen", "0", "1280x800x24", "-nolisten", "tcp",
                                          "-noreset"],
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 20
            while self.proc.poll() is None and time.monotonic() < deadline:
                if self.answers():
                    return
                time.sleep(0.1)
            self.stop()
        raise RuntimeError("Xvfb did not start")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=30)
        self.proc = None
