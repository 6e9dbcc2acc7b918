"""Persistence: every agency's reports of every year, never lost (TinyDB, crash-safe).

``open_store()`` opens the data folder (``store.paths.data_dir``); see ``Store`` for the API.
Imports no Qt; the GUI calls it from its thread on every autosave.
"""

from __future__ import annotations

import os

from store.backups import Backup
from store.errors import StoreError, StoreLockedError, StoreWriteError
from store.repository import ReportSummary, Store
from store.revisions import Revision


def open_store(data_dir: str | os.PathLike | None = None) -> Store:
    """Open the store in ``data_dir`` (default: --data-dir / NIANBAO_DATA_DIR / the user folder)."""
    from store.paths import data_dir as resolve

    return Store(resolve(data_dir))


__all__ = ["open_store", "Store", "StoreError", "StoreWriteError", "StoreLockedError", "ReportSummary",
           "Revision", "Backup"]
