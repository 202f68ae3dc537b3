""" "Today" in Europe/Amsterdam, fixed by MVI_TODAY or SOURCE_DATE_EPOCH for tests and builds."""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def today(override: str | None = None) -> dt.date:
    """The date to judge staleness by: an explicit override, the environment, or the clock."""
    fixed = override or os.environ.get("MVI_TODAY")
    if fixed:
        return dt.date.fromisoformat(fixed)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), AMSTERDAM).date()
    return dt.datetime.now(AMSTERDAM).date()
