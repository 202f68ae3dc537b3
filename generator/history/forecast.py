"""How well the calendar forecast each tender's publication, read from the tender's Git history.

The first committed version of a tender is its first announcement: the window it gave for the
expected publication is what the calendar first promised suppliers. A later version whose
window is not inside the one before it *moved* that promise: afterwards the publication may
fall where the earlier window said it would not (later, earlier, or wider). A version whose
window lies inside the one before only made it more precise (2027-Q2 → 2027-05 → 2027-05-14):
a *refinement*, which keeps the promise and is no move. Once the tender is published
(`published_on` in the current record), the *slip* says how far the publication fell from the
window first announced, in calendar months: 0 inside the window, positive after its end
(counted from the end's month), negative before its start (counted from the start's month).

Nothing is guessed. Without history (a shallow clone, a folder outside Git) or before the
tender is first committed, its first announcement is not known and there is no forecast. A
change of the window committed on or after the day of publication is bookkeeping, not a move;
a tender first committed on or after its publication forecast nothing, so it has no slip.

Pure functions of a tender and its events (as `History.of` gives them, newest first), and of
those forecasts per buyer and per category for the accuracy page.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple, Protocol

from generator.history.git import Event
from generator.models import Tender
from generator.models.common import PlannedDate

Unknown = Literal["no-history", "not-committed"]


class HistoryView(Protocol):
    """What a forecast reads of the change history (`History` or an output's tracked view)."""

    @property
    def available(self) -> bool: ...

    def of(self, kind: str, record_id: str) -> list[Event]: ...


@dataclass(frozen=True)
class Step:
    """One change of the expected publication, committed on `on`."""

    on: dt.date
    before: PlannedDate
    after: PlannedDate

    @property
    def moved(self) -> bool:
        """A move, or (False) a refinement inside the window before."""
        return is_move(self.before, self.after)


@dataclass(frozen=True)
class Slip:
    """Where the publication fell against the window first announced."""

    months: int  # calendar months: 0 inside, > 0 after the window's end, < 0 before its start
    within: bool  # inside the window (a day's window missed by a week: months 0, within False)


@dataclass(frozen=True)
class Forecast:
    """One tender's forecast record: first announcement, changes of its window, the slip."""

    tender_id: str
    unknown: Unknown | None = None  # why the first announcement is not known
    announced_on: dt.date | None = None  # the date of the first commit that holds the tender
    first: PlannedDate | None = None  # the window of expected publication first announced
    steps: tuple[Step, ...] = ()  # every change of the window before publication, oldest first
    published_on: dt.date | None = None
    slip: Slip | None = None  # None until published, or when announced only once published

    @property
    def known(self) -> bool:
        return self.unknown is None

    @property
    def moves(self) -> tuple[Step, ...]:
        return tuple(step for step in self.steps if step.moved)

    @property
    def announced_after_publication(self) -> bool:
        """Entered in the calendar on or after its publication: there was no forecast."""
        published, announced = self.published_on, self.announced_on
        return published is not None and announced is not None and announced >= published


def is_move(before: PlannedDate, after: PlannedDate) -> bool:
    """A window that is not inside the one before it moves the promise (a wider one too)."""
    return not (before.start <= after.start and after.end <= before.end)


def _month(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def slip_of(window: PlannedDate, day: dt.date) -> Slip:
    """How far `day` fell from `window`, in calendar months from the nearer end's month."""
    if day < window.start:
        return Slip(_month(day) - _month(window.start), within=False)
    if day > window.end:
        return Slip(_month(day) - _month(window.end), within=False)
    return Slip(0, within=True)


def forecast_of(tender: Tender, events: Sequence[Event], available: bool = True) -> Forecast:
    """The forecast record of `tender` (the current record) from its events, newest first."""
    if not available:
        return Forecast(tender.id, unknown="no-history", published_on=tender.published_on)
    versions = [
        (event.commit.date, event.change.after)
        for event in reversed(events)
        if isinstance(event.change.after, Tender)
    ]
    if not versions:
        return Forecast(tender.id, unknown="not-committed", published_on=tender.published_on)
    announced_on, first = versions[0][0], versions[0][1].expected_publication
    published = tender.published_on
    steps: list[Step] = []
    window = first
    for on, version in versions[1:]:
        new = version.expected_publication
        if new == window or (published is not None and on >= published):
            continue  # unchanged, or set after the fact
        steps.append(Step(on, window, new))
        window = new
    slip = None
    if published is not None and announced_on < published:
        slip = slip_of(first, published)
    return Forecast(tender.id, None, announced_on, first, tuple(steps), published, slip)


def tender_forecast(tender: Tender, history: HistoryView) -> Forecast:
    """The forecast of one tender as its page shows it."""
    return forecast_of(tender, history.of("tender", tender.id), history.available)


# --- Accuracy per buyer and per category ------------------------------------------------------


class GroupAccuracy(NamedTuple):
    """The forecasts of one group of tenders (a buyer, a category, or all), in numbers.

    Counts only tenders whose first announcement is known. A plain tuple of numbers, so a chart
    made from it is kept between builds like any other (`generator/charts/reuse.py`)."""

    key: str  # the buyer's or category's id; "" for tenders without a category, or for all
    announced: int  # tenders whose first announcement is known
    examples: int  # of those, illustrative records (`example: true`)
    published: int  # of those, published after they were announced: the ones with a slip
    published_examples: int  # of the published, illustrative records
    within: int  # of the published, within the window first announced
    moves: int  # moves of all announced tenders, before their publication
    slips: tuple[int, ...]  # the slip in months of each published tender, in order

    @property
    def share_within(self) -> float | None:
        """Published within the window first announced, as a fraction of those published."""
        return self.within / self.published if self.published else None

    @property
    def median_slip(self) -> float | None:
        return float(statistics.median(self.slips)) if self.slips else None

    @property
    def moves_per_tender(self) -> float | None:
        """Moves per announced tender, the unmoved included."""
        return self.moves / self.announced if self.announced else None


def group_accuracy(key: str, forecasts: Iterable[tuple[Tender, Forecast]]) -> GroupAccuracy:
    """The numbers of one group; tenders whose first announcement is unknown are left out."""
    known = [(tender, forecast) for tender, forecast in forecasts if forecast.known]
    published = [(tender, f.slip) for tender, f in known if f.slip is not None]
    slips = tuple(slip.months for _, slip in published)
    return GroupAccuracy(
        key=key,
        announced=len(known),
        examples=sum(1 for tender, _ in known if tender.example),
        published=len(published),
        published_examples=sum(1 for tender, _ in published if tender.example),
        within=sum(1 for _, slip in published if slip.within),
        moves=sum(len(f.moves) for _, f in known),
        slips=slips,
    )


def accuracy_by(
    forecasts: Sequence[tuple[Tender, Forecast]], key: Callable[[Tender], str]
) -> list[GroupAccuracy]:
    """One group per value of `key` among tenders with a known first announcement, by key."""
    groups: dict[str, list[tuple[Tender, Forecast]]] = {}
    for tender, forecast in forecasts:
        if forecast.known:
            groups.setdefault(key(tender), []).append((tender, forecast))
    return [group_accuracy(name, groups[name]) for name in sorted(groups)]


@dataclass(frozen=True)
class Accuracy:
    """The accuracy page's numbers: all tenders, per buyer and per category."""

    available: bool  # the history could be read at all
    total: int  # tenders in the calendar
    overall: GroupAccuracy
    by_buyer: tuple[GroupAccuracy, ...]
    by_category: tuple[GroupAccuracy, ...]

    @property
    def unknown(self) -> int:
        """Tenders in the calendar whose first announcement is not known (not counted)."""
        return self.total - self.overall.announced


def accuracy_of(tenders: Sequence[Tender], history: HistoryView) -> Accuracy:
    """The forecasts of every tender in the calendar, counted per buyer and per category."""
    forecasts = [(tender, tender_forecast(tender, history)) for tender in tenders]
    return Accuracy(
        available=history.available,
        total=len(tenders),
        overall=group_accuracy("", forecasts),
        by_buyer=tuple(accuracy_by(forecasts, lambda tender: tender.buyer)),
        by_category=tuple(accuracy_by(forecasts, lambda tender: tender.category or "")),
    )
