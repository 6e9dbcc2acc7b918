"""Persistence: every agency's reports of every year, never lost (TinyDB, crash-safe).

``open_store()`` opens the data folder (``store.paths.data_dir``); see ``Store`` for the API.
Imports no Qt. TinyDB is loaded only when a store is opened (or ``Store`` and friends are
first used), so headless commands that never touch the store, like ``nianbao check``, stay light.
"""

from __future__ import annotations

import importlib
import os

from store.errors import StoreError, StoreLockedError, StoreWriteError

_LAZY = {"Store": "store.repository", "ReportSummary": "store.agency_db", "Revision": "store.revisions",
         "Backup": "store.backups"}


def open_store(data_dir: str | os.PathLike | None = None, holder: str = "window"):
    """Open the store in ``data_dir`` (default: --data-dir / NIANBAO_DATA_DIR / the user folder);
    ``holder`` is what others are told holds it (see store.lock)."""
    from store.paths import data_dir as resolve
    from store.repository import Store

    return Store(resolve(data_dir), holder)


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'store' has no attribute {name!r}")


__all__ = ["open_store", "Store", "StoreError", "StoreWriteError", "StoreLockedError", "ReportSummary",
           "Revision", "Backup"]
