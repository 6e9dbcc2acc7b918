"""The PDF's font roles (title, body, headings, tables) as resources/fonts/roles.toml declares them.

The settings dialog lists them and fonts.py chooses their faces; no other module names a font file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from report import resources


@dataclass(frozen=True)
class FontRole:
    id: str
    name: str  # 「正文」: how messages and the settings dialog call it
    family: str  # 「仿宋」: the font's name on a Windows or WPS machine (the Word file names it)
    system: tuple[str, ...]  # installed file names (lower case), in order of preference
    bundled: str  # the shipped face when none is installed
    latin: tuple[str, ...]  # faces for Latin letters and figures: installed names, then shipped files
    fallback: tuple[str, ...]  # shipped faces for characters the role's faces lack


@cache
def roles() -> dict[str, FontRole]:
    """Every role by id, in the order the settings dialog shows them."""
    with open(resources.path("fonts", "roles.toml"), "rb") as fh:
        data = tomllib.load(fh)
    return {rid: FontRole(rid, r["name"], r["family"], tuple(n.lower() for n in r["system"]), r["bundled"],
                          tuple(r["latin"]), tuple(r["fallback"]))
            for rid, r in data.items()}
