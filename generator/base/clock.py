""" "Today" in Europe/Amsterdam: given, fixed by a build's SOURCE_DATE_EPOCH, or the clock's."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def today(override: str | None = None, source_date_epoch: str | None = None) -> dt.date:
    """The date to judge staleness by: an explicit date, the build's epoch, or the clock.

    The command line passes `--today`, `$MVI_TODAY` and `$SOURCE_DATE_EPOCH` in here."""
    if override:
        return dt.date.fromisoformat(override)
    if source_date_epoch:
        return dt.datetime.fromtimestamp(int(source_date_epoch), AMSTERDAM).date()
    return dt.datetime.now(AMSTERDAM).date()
