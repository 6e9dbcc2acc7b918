"""Rebuilding a damaged agency file from the best copy of each of its records.

Sources, for each record: the damaged file itself where a record's checksum still holds; the
report's revision log, which leads to the content saved last; the newest backup holding an
intact copy. Of the revision log and a backup the newer wins. What each damaged report came
back as is said in ``told``, so the clerk knows which version to check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from report import dates
from store import backups, checksums, migrations
from store.agency_db import check_shape, damaged_records
from store.paths import Layout
from store.revisions import RevisionLog
from store.storage import DamagedFileError, parse_json

_LOG_NAME = re.compile(r"^(\d{4})\.jsonl$")


@dataclass
class Rebuilt:
    data: dict
    name: str
    told: list[str] = field(default_factory=list)


def _parsed(raw: bytes, path: Path) -> dict | None:
    try:
        data = parse_json(raw, path)
        check_shape(data, path)
    except DamagedFileError:
        return None
    return data


def _intact(data: dict | None) -> tuple[dict | None, dict[int, dict]]:
    """The intact agency record and report records (by year) of parsed file data."""
    if data is None:
        return None, {}
    bad = set(damaged_records(data)) if migrations.sealed(data) else set()
    key = next(iter(data["agency"]))
    agency = data["agency"][key] if ("agency", key) not in bad else None
    reports = {r["year"]: r for k, r in data["reports"].items() if ("reports", k) not in bad}
    return agency, reports


def _backup_copies(layout: Layout, path: Path) -> list[tuple[backups.Backup, dict | None, dict[int, dict]]]:
    """(backup, intact agency record, intact report records) of every backup holding the file, newest first."""
    member = path.relative_to(layout.db).as_posix()
    out = []
    for b in backups.list_backups(layout):
        data = backups.read_member(b.path, member)
        parsed = _parsed(data, path) if data is not None else None
        if parsed is not None:
            out.append((b, *_intact(parsed)))
    return out


def _logged_years(layout: Layout, agency_id: str) -> list[int]:
    folder = layout.revisions / agency_id
    if not folder.is_dir():
        return []
    return sorted(int(m.group(1)) for p in folder.iterdir() if (m := _LOG_NAME.match(p.name)))


def rebuild(layout: Layout, path: Path, damaged: bytes) -> Rebuilt | None:
    """The agency file rebuilt from the best copy of each record; None if not even its agency is known."""
    parsed = _parsed(damaged, path)
    agency, reports = _intact(parsed)
    copies = _backup_copies(layout, path)
    years = set(reports) | set(_logged_years(layout, path.stem))
    if parsed is not None:
        years |= {r.get("year") for r in parsed["reports"].values() if isinstance(r.get("year"), int)}
    else:
        years |= {y for _, _, recs in copies for y in recs}
    told: list[str] = []
    if agency is None:
        agency = next((a for _, a, _ in copies if a is not None), None)
    out: dict[int, dict] = {}
    for year in sorted(years):
        if year in reports:
            out[year] = reports[year]
            continue
        found = _best_copy(layout, path.stem, year, copies)
        if found is None:
            told.append(f"{year}年度报告无法恢复")
            continue
        out[year], how = found
        told.append(f"{year}年度报告已{how}")
    if agency is None:
        if not out:
            return None
        newest = out[max(out)]["doc"].get("agency") or {}
        agency = {"profile": newest, "history": {}, "created": dates.now_iso()}
        told.append("单位信息已按最近一年报告中的单位信息恢复，请核对")
    if not isinstance(agency.get("profile", {}).get("name"), str):
        return None
    data = initial_data_from(agency, list(out.values()))
    if not told:
        told.append("各年度报告均未受影响")
    return Rebuilt(data, agency["profile"]["name"], told)


def initial_data_from(agency: dict, reports: list[dict]) -> dict:
    """A sealed agency file of this version holding ``agency`` and ``reports`` as they are."""
    clean = [{k: v for k, v in r.items() if k not in (checksums.SUM, checksums.DOC_SUM)} for r in reports]
    body = {k: v for k, v in agency.items() if k not in (checksums.SUM, checksums.DOC_SUM)}
    return {"meta": {"1": checksums.seal({"schema": migrations.SCHEMA_VERSION})},
            "agency": {"1": checksums.seal(body)},
            "reports": {str(i): checksums.seal(r) for i, r in enumerate(sorted(clean, key=lambda r: r["year"]), 1)}}


def _best_copy(layout: Layout, agency_id: str, year: int, copies) -> tuple[dict, str] | None:
    """The newest intact copy of the year's report record, and how it came back (for the notice)."""
    from_log = RevisionLog(layout.revision_log(agency_id, year)).newest()
    from_backup = next(((b, recs[year]) for b, _, recs in copies if year in recs), None)
    if from_log is not None:
        doc, saved, status = from_log
        if from_backup is None or dates.parse_iso_time(saved) >= dates.parse_iso_time(from_backup[1]["modified"]):
            if from_backup is not None and checksums.of(from_backup[1]["doc"]) == checksums.of(doc):
                return from_backup[1], f"恢复为 {_when(saved)} 保存的内容（与历史版本一致）"
            record = {"year": year, "status": status, "created": saved, "modified": saved,
                      "final_at": saved if status == "final" else None, "counts": None, "doc": doc}
            return record, f"从历史版本恢复为 {_when(saved)} 保存的内容"
    if from_backup is not None:
        b, rec = from_backup
        return rec, (f"从 {dates.chinese_time(b.time)} 的备份恢复（{_when(rec['modified'])} 保存的内容），"
                     "此后的修改可能需要重新填写")
    return None


def _when(iso: str) -> str:
    return dates.chinese_time(dates.parse_iso_time(iso))
