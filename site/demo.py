"""What the apps' demo and dataset code shares: the demo password, pages
published under a parent, demo people who sign in at once, and dates and times
in the site's zone. Product code never imports this module."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

from mentornett.accounts.models import Profile, User

DEMO_PASSWORD = "mentornett-demo"  # noqa: S105 - printed for local demo use only  # nosec B105

SITE_ZONE = ZoneInfo(settings.TIME_ZONE)


def publish(parent, page):
    """Add `page` below `parent` and publish its first revision."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def child(parent, model, slug, build):
    """The child page with this slug, or a new published one from build()."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    return publish(parent, build())


def demo_user(*, email: str, full_name: str, profile: dict, **flags) -> User:
    """The person with this e-mail, made with the demo password if they are
    new, with their e-mail verified (so they sign in at once) and a profile
    made from `profile` if they have none. `flags` (is_staff, is_superuser)
    apply to a new person only."""
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email, password=DEMO_PASSWORD, full_name=full_name, **flags
        )
    user.emailaddress_set.get_or_create(email=email, defaults={"verified": True, "primary": True})
    Profile.objects.get_or_create(user=user, defaults=profile)
    return user


def weekday(day: date, *, last=4) -> date:
    """The day itself, or the next day that is Monday to `last` (4 = Friday)."""
    while day.weekday() > last:
        day += timedelta(days=1)
    return day


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """The moment on `day` at this hour in the site's time zone."""
    return datetime.combine(day, time(hour, minute), tzinfo=SITE_ZONE)
