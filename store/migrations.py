"""The version of the store's file format, and the path from older versions to this one.

Each agency file records the version it was written in (``meta.schema``). A file from an
older version is upgraded on open by the functions in ``MIGRATIONS`` (version n → n + 1),
after a backup of the whole store; a file from a newer program is left untouched. After the
last step every record is sealed with its checksum again.

Versions: 1 had no checksums; 2 seals every record (store.checksums).
"""

from __future__ import annotations

from collections.abc import Callable

from store import checksums

SCHEMA_VERSION = 2
FIRST_SEALED = 2  # files of this version and later carry checksums, verified before anything else

# MIGRATIONS[n] turns the raw data of a version-n file into version n + 1.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: lambda data: data}


def version_of(data: dict) -> int:
    return int(next(iter(data["meta"].values()))["schema"])


def sealed(data: dict) -> bool:
    """True if the file's records should carry checksums: its version says so, or any record has one
    (a flipped bit in the version number must not switch the checks off)."""
    return version_of(data) >= FIRST_SEALED or any(
        checksums.SUM in rec for table in data.values() for rec in table.values())


def newer(data: dict) -> bool:
    """True if a newer program wrote the file: its version record says so and is intact (a version
    changed by a flipped bit is damage, not a newer program). Its other records follow that
    program's rules and are not checked here."""
    return version_of(data) > SCHEMA_VERSION and checksums.intact(next(iter(data["meta"].values())))


def migrate(data: dict) -> dict:
    """Upgrade raw file data to SCHEMA_VERSION, one step at a time, and seal every record."""
    version = version_of(data)
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    data["meta"] = {"1": {"schema": version}}
    return {t: {k: checksums.seal({f: v for f, v in r.items() if f not in (checksums.SUM, checksums.DOC_SUM)})
                for k, r in table.items()} for t, table in data.items()}
