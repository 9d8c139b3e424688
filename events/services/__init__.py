"""Every change to event state goes through these functions."""

from .attendance import mark_attendance
from .planning import make_breakout_plan
from .polls import answer_poll, poll_refusal, remind_poll
from .registration import (
    cancel,
    fill_free_places,
    register,
    register_for_series,
    update_answers,
    window_refusal,
)
from .reminders import send_due_reminders
from .schedule import calendar_feed_for, record_published, renew_calendar_feed

__all__ = [
    "answer_poll",
    "calendar_feed_for",
    "cancel",
    "fill_free_places",
    "make_breakout_plan",
    "mark_attendance",
    "poll_refusal",
    "record_published",
    "register",
    "register_for_series",
    "remind_poll",
    "renew_calendar_feed",
    "send_due_reminders",
    "update_answers",
    "window_refusal",
]
