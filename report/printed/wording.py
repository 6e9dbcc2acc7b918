"""The report's own printed wording (title line, 「无。」, date, page number), from resources/printed.toml.

Every writer (PDF, Word, web page, Excel) prints these the same way; none repeats them.
"""

from __future__ import annotations

import tomllib
from functools import cache

from report import resources


@cache
def wording() -> dict:
    with open(resources.path("printed.toml"), "rb") as fh:
        return tomllib.load(fh)
