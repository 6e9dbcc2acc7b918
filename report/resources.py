"""Where the data files in ``resources/`` live, found relative to this package."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "resources"


def path(*parts: str) -> Path:
    return ROOT.joinpath(*parts)
