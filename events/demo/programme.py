"""Items of an event's programme, as events.blocks.ProgrammeBlock stores them."""

from datetime import time


def programme_item(starts, ends, title, speaker="", description="", day=None):
    return (
        "item",
        {
            "day": day,
            "starts": time.fromisoformat(starts),
            "ends": time.fromisoformat(ends),
            "title": title,
            "speaker": speaker,
            "description": description,
        },
    )
