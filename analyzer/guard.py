"""Bounds on the work done for one file (time and memory). Placeholder: calls directly."""

from __future__ import annotations

from typing import Any, Callable, TypeVar

from analyzer.models import Limits

T = TypeVar("T")


def run_bounded(fn: Callable[..., T], *args: Any, limits: Limits, pages: int = 1) -> T:
    return fn(*args)
