"""The version of the store's file format, and the path from older versions to this one.

Each agency file records the version it was written in (``meta.schema``). A file from an
older version is upgraded on open by the functions in ``MIGRATIONS`` (version n → n + 1),
after a backup of the whole store; a file from a newer program is left untouched.
"""

from __future__ import annotations

from collections.abc import Callable

SCHEMA_VERSION = 1

# MIGRATIONS[n] turns the raw data of a version-n file into version n + 1.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}


def version_of(data: dict) -> int:
    return int(next(iter(data["meta"].values()))["schema"])


def migrate(data: dict) -> dict:
    """Upgrade raw file data to SCHEMA_VERSION, one step at a time."""
    version = version_of(data)
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["meta"] = {"1": {"schema": version}}
    return data
