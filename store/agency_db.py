"""One agency's file: its profile, the website figures typed for years before the program,
and its reports (one record per year). One TinyDB file per agency keeps each autosave's
rewrite small however many agencies and years the store holds.

File layout (TinyDB tables): ``meta`` {schema}, ``agency`` {profile, former_names, history, created},
``reports`` {year, status, created, modified, final_at, counts, doc}.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from tinydb import Query, TinyDB

from report import dates
from report.document import Agency
from report.findings import Severity
from store.migrations import SCHEMA_VERSION
from store.storage import AtomicJSONStorage, DamagedFileError, atomic_write, dumps


@dataclass(frozen=True)
class ReportSummary:
    """One line of the year list; counts are those of the checker at the last save (None if unknown)."""

    agency: str
    year: int
    status: str
    modified: dt.datetime
    errors: int | None
    warnings: int | None


def check_shape(data, path: Path) -> None:
    """Raise DamagedFileError unless ``data`` looks like an agency file."""
    try:
        ok = (isinstance(data, dict) and all(isinstance(data.get(t), dict) for t in ("meta", "agency", "reports"))
              and len(data["meta"]) == 1 and isinstance(next(iter(data["meta"].values())).get("schema"), int)
              and len(data["agency"]) == 1
              and isinstance(next(iter(data["agency"].values())).get("profile", {}).get("name"), str)
              and all(isinstance(r, dict) and isinstance(r.get("year"), int) and isinstance(r.get("doc"), dict)
                      for r in data["reports"].values()))
    except (AttributeError, TypeError):
        ok = False
    if not ok:
        raise DamagedFileError(path, "内容不是年报助手的单位数据")


def agency_name(data: dict) -> str:
    """The agency's name in parsed file data that passed check_shape."""
    return next(iter(data["agency"].values()))["profile"]["name"]


def initial_data(agency: Agency, created: str) -> dict:
    return {"meta": {"1": {"schema": SCHEMA_VERSION}},
            "agency": {"1": {"profile": agency.to_dict(), "history": {}, "created": created}},
            "reports": {}}


class AgencyDB:
    def __init__(self, path: Path, read_only: bool):
        self.path = path
        self.id = path.stem
        self._db = TinyDB(path, storage=AtomicJSONStorage, read_only=read_only)
        self._meta = self._db.table("meta", cache_size=0)
        self._agency = self._db.table("agency", cache_size=0)
        self._reports = self._db.table("reports", cache_size=0)

    @classmethod
    def create(cls, path: Path, agency: Agency, created: str) -> "AgencyDB":
        atomic_write(path, dumps(initial_data(agency, created)))
        return cls(path, read_only=False)

    # ------------------------------------------------------------------ whole file
    def raw(self) -> dict:
        """The parsed file, checked; DamagedFileError if unreadable."""
        data = self._db.storage.read()
        check_shape(data, self.path)
        return data

    def write_raw(self, data: dict) -> None:
        self._db.storage.write(data)

    def close(self) -> None:
        self._db.close()

    # ------------------------------------------------------------------ agency
    def _agency_doc(self) -> dict:
        return self._agency.all()[0]

    @property
    def name(self) -> str:
        return self._agency_doc()["profile"]["name"]

    def profile(self) -> Agency:
        return Agency.from_dict(dict(self._agency_doc()["profile"]))

    def set_profile(self, agency: Agency) -> None:
        self._agency.update({"profile": agency.to_dict()}, doc_ids=[self._agency_doc().doc_id])

    def former_names(self) -> list[str]:
        return list(self._agency_doc().get("former_names", []))

    def rename(self, new_name: str) -> None:
        doc = self._agency_doc()
        former = [n for n in doc.get("former_names", []) if n != new_name]
        if doc["profile"]["name"] not in former:
            former.append(doc["profile"]["name"])
        self._agency.update({"profile": {**doc["profile"], "name": new_name}, "former_names": former},
                            doc_ids=[doc.doc_id])

    def typed_history(self) -> dict[str, dict[str, int]]:
        return {y: dict(c) for y, c in self._agency_doc().get("history", {}).items()}

    def set_typed_history(self, history: dict[str, dict[str, int]]) -> None:
        self._agency.update({"history": history}, doc_ids=[self._agency_doc().doc_id])

    # ------------------------------------------------------------------ reports
    def records(self) -> list[dict]:
        """Every report record, by year. Treat as read-only: they are the cached file data."""
        return sorted(self._reports.all(), key=lambda r: r["year"])

    def summaries(self) -> list[ReportSummary]:
        """The year list, oldest year first."""
        out = []
        for r in self.records():
            c = r.get("counts") or {}
            out.append(ReportSummary(self.name, r["year"], r["status"], dates.parse_iso_time(r["modified"]),
                                     *(c.get(s.value) for s in (Severity.ERROR, Severity.WARNING))))
        return out

    def record(self, year: int) -> dict | None:
        return self._reports.get(Query().year == year)

    def insert(self, record: dict) -> None:
        self._reports.insert(record)

    def update(self, changes: dict[int, dict]) -> None:
        """Apply ``{year: {field: value}}`` to existing records in one write."""
        ids = {r["year"]: r.doc_id for r in self._reports.all() if r["year"] in changes}

        def apply(doc):
            doc.update(changes[doc["year"]])

        self._reports.update(apply, doc_ids=list(ids.values()))

    def remove(self, year: int) -> None:
        self._reports.remove(Query().year == year)
