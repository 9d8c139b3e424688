"""Reads about a person that every app may ask: which programme roles they
take part in."""

from .models import Profile


def participant_roles(user, *, profile=None) -> set[str]:
    """Which mandatory course fits the person: mentor if they want to be one,
    otherwise mentee. Anonymous visitors see both. Pass the person's `profile`
    when it is already read."""
    if not user.is_authenticated:
        return {"mentor", "mentee"}
    if profile is None:
        profile = Profile.objects.filter(user=user).only("wants_to_be_mentor").first()
    return {"mentor"} if profile and profile.wants_to_be_mentor else {"mentee"}
