"""The PDF's own printed wording (title line, 「无。」, date, page number), from resources/pdf.toml."""

from __future__ import annotations

import tomllib
from functools import cache

from report import resources


@cache
def wording() -> dict:
    with open(resources.path("pdf.toml"), "rb") as fh:
        return tomllib.load(fh)
