"""Study days: a user's day runs from `day_starts_at_hour` (4 am by default,
like Anki) in their own time zone to the same hour the next day."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, date, datetime, time, timedelta


def zone_of(name: str | None) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def study_date(moment: datetime, *, zone: zoneinfo.ZoneInfo, day_starts_at_hour: int) -> date:
    """The study day `moment` belongs to."""
    local = moment.astimezone(zone)
    return (local - timedelta(hours=day_starts_at_hour)).date()


def day_start(day: date, *, zone: zoneinfo.ZoneInfo, day_starts_at_hour: int) -> datetime:
    """When study day `day` starts, in UTC."""
    return datetime.combine(day, time(hour=day_starts_at_hour), tzinfo=zone).astimezone(UTC)


def day_bounds(
    moment: datetime, *, zone: zoneinfo.ZoneInfo, day_starts_at_hour: int
) -> tuple[datetime, datetime]:
    """[start, end) in UTC of the study day holding `moment`."""
    day = study_date(moment, zone=zone, day_starts_at_hour=day_starts_at_hour)
    return (
        day_start(day, zone=zone, day_starts_at_hour=day_starts_at_hour),
        day_start(day + timedelta(days=1), zone=zone, day_starts_at_hour=day_starts_at_hour),
    )
