"""JSON export: the full report, exactly analyzer.report.to_json (the one JSON contract)."""

from __future__ import annotations

from analyzer.models import Report
from analyzer.report import to_json


def to_json_bytes(report: Report) -> bytes:
    return (to_json(report) + "\n").encode("utf-8", "replace")
