"""One agency's file: its profile, the website figures typed for years before the program,
and its reports (one record per year). One TinyDB file per agency keeps each autosave's
rewrite small however many agencies and years the store holds.

File layout (TinyDB tables): ``meta`` {schema}, ``agency`` {profile, former_names, history, created},
``reports`` {year, status, created, modified, final_at, counts, doc, doc_sum}; every record
sealed with a checksum (store.checksums), verified whenever the file is read.

Every change is staged: ``commit`` builds the whole new file in memory and writes it once,
atomically, so a refused or failed change leaves the file byte for byte as it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from tinydb import TinyDB

from report import dates
from report.document import Agency
from report.findings import Severity
from store import checksums
from store.migrations import SCHEMA_VERSION
from store.storage import AtomicJSONStorage, DamagedFileError, atomic_write, dumps

TABLES = ("meta", "agency", "reports")


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
        ok = (isinstance(data, dict) and all(isinstance(data.get(t), dict) for t in TABLES)
              and len(data["meta"]) == 1 and isinstance(next(iter(data["meta"].values())).get("schema"), int)
              and len(data["agency"]) == 1
              and isinstance(next(iter(data["agency"].values())).get("profile", {}).get("name"), str)
              and all(isinstance(r, dict) and isinstance(r.get("year"), int) and isinstance(r.get("doc"), dict)
                      for r in data["reports"].values()))
    except (AttributeError, TypeError):
        ok = False
    if not ok:
        raise DamagedFileError(path, "内容不是年报助手的单位数据")


def damaged_records(data: dict) -> list[tuple[str, str]]:
    """(table, record id) of every record whose checksum does not match, in a shaped file."""
    return [(t, key) for t in TABLES for key, rec in data[t].items() if not checksums.intact(rec)]


def check(data, path: Path) -> None:
    """Raise DamagedFileError unless ``data`` is an agency file whose every record is intact."""
    check_shape(data, path)
    if damaged_records(data):
        raise DamagedFileError(path, "校验和不符，内容已被改动")


def agency_name(data: dict) -> str:
    """The agency's name in parsed file data that passed check_shape."""
    return next(iter(data["agency"].values()))["profile"]["name"]


def initial_data(agency: Agency, created: str, reports: list[dict] = ()) -> dict:
    """A new agency file's data, sealed, holding ``reports`` (records as commit takes them)."""
    return {"meta": {"1": checksums.seal({"schema": SCHEMA_VERSION})},
            "agency": {"1": checksums.seal({"profile": agency.to_dict(), "history": {}, "created": created})},
            "reports": {str(i): checksums.seal(r) for i, r in enumerate(reports, 1)}}


class AgencyDB:
    def __init__(self, path: Path, read_only: bool):
        self.path = path
        self.id = path.stem
        self._db = TinyDB(path, storage=AtomicJSONStorage, read_only=read_only)
        self._checked = None  # the parsed data last verified (the storage keeps it while the file is unchanged)

    @classmethod
    def create(cls, path: Path, agency: Agency, created: str, reports: list[dict] = ()) -> "AgencyDB":
        """Write a new agency file (with its first reports) in one atomic write."""
        atomic_write(path, dumps(initial_data(agency, created, reports)))
        return cls(path, read_only=False)

    # ------------------------------------------------------------------ whole file
    def raw(self, verify: bool = True) -> dict:
        """The parsed file, checked record by record; DamagedFileError if unreadable or altered.
        ``verify=False`` checks only its shape (a file of an older version has no checksums)."""
        data = self._db.storage.read()
        if data is not self._checked:
            check_shape(data, self.path)
            if not verify:
                return data
            check(data, self.path)
            self._checked = data
        return data

    def write_raw(self, data: dict) -> None:
        self._db.storage.write(data)

    def close(self) -> None:
        self._db.close()

    def commit(self, agency: dict | None = None, reports: dict[int, dict | None] | None = None) -> None:
        """Write the agency record ``agency`` (if given) and the report records ``{year: record}``
        (None removes the year) in one atomic write; each record is sealed here."""
        data = self.raw()
        new = {t: dict(data[t]) for t in TABLES}
        if agency is not None:
            key = next(iter(new["agency"]))
            new["agency"][key] = checksums.seal(agency)
        keys = {r["year"]: k for k, r in new["reports"].items()}
        for year, rec in (reports or {}).items():
            key = keys.get(year)
            if rec is None:
                new["reports"].pop(key, None)
                continue
            if key is None:
                key = str(max((int(k) for k in new["reports"] if k.isdigit()), default=0) + 1)
            new["reports"][key] = checksums.seal(rec)
        self.write_raw(new)
        self._checked = new  # sealed just now: no need to verify it on the next read

    # ------------------------------------------------------------------ agency
    def agency_record(self) -> dict:
        """The agency record (profile, former_names, history, created); read-only."""
        return next(iter(self.raw()["agency"].values()))

    @property
    def name(self) -> str:
        return self.agency_record()["profile"]["name"]

    def profile(self) -> Agency:
        return Agency.from_dict(dict(self.agency_record()["profile"]))

    def set_profile(self, agency: Agency) -> None:
        self.commit(agency={**self.agency_record(), "profile": agency.to_dict()})

    def former_names(self) -> list[str]:
        return list(self.agency_record().get("former_names", []))

    def rename(self, new_name: str) -> None:
        doc = self.agency_record()
        former = [n for n in doc.get("former_names", []) if n != new_name]
        if doc["profile"]["name"] not in former:
            former.append(doc["profile"]["name"])
        self.commit(agency={**doc, "profile": {**doc["profile"], "name": new_name}, "former_names": former})

    def typed_history(self) -> dict[str, dict[str, int]]:
        return {y: dict(c) for y, c in self.agency_record().get("history", {}).items()}

    def set_typed_year(self, year: int, counts: dict[str, int]) -> None:
        """The website figures typed for ``year`` (empty removes them)."""
        history = self.typed_history()
        if counts:
            history[str(year)] = counts
        else:
            history.pop(str(year), None)
        self.commit(agency={**self.agency_record(), "history": history})

    # ------------------------------------------------------------------ reports
    def records(self) -> list[dict]:
        """Every report record, by year. Treat as read-only: they are the cached file data."""
        return sorted(self.raw()["reports"].values(), key=lambda r: r["year"])

    def summaries(self) -> list[ReportSummary]:
        """The year list, oldest year first."""
        out = []
        for r in self.records():
            c = r.get("counts") or {}
            out.append(ReportSummary(self.name, r["year"], r["status"], dates.parse_iso_time(r["modified"]),
                                     *(c.get(s.value) for s in (Severity.ERROR, Severity.WARNING))))
        return out

    def record(self, year: int) -> dict | None:
        return next((r for r in self.raw()["reports"].values() if r["year"] == year), None)
