"""Wired in EventsConfig.ready()."""


def on_event_published(sender, instance, **kwargs):
    from .services import record_published

    record_published(event=instance)
