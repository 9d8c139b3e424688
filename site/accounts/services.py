from django.db import transaction

from .models import Profile, User


def ensure_profile(*, user: User) -> Profile:
    profile, _created = Profile.objects.get_or_create(user=user)
    return profile


@transaction.atomic
def update_profile(*, user: User, data: dict) -> Profile:
    """Save the person's own details; `data` is a ProfileForm's cleaned_data."""
    user = User.objects.select_for_update().get(pk=user.pk)
    user.full_name = data["full_name"]
    user.phone = data.get("phone", "")
    user.preferred_language = data["preferred_language"]
    user.save(update_fields=["full_name", "phone", "preferred_language"])

    profile, _created = Profile.objects.get_or_create(user=user)
    for field in (
        "profession",
        "has_norwegian_authorisation",
        "authorisation_year",
        "practice_years",
        "study_place",
        "home_municipality",
        "wants_to_be_mentor",
    ):
        setattr(profile, field, data.get(field))
    profile.profession = profile.profession or ""
    profile.study_place = profile.study_place or ""
    profile.full_clean()
    profile.save()
    return profile


def set_preferred_language(*, user: User, language: str) -> None:
    User.objects.filter(pk=user.pk).update(preferred_language=language)
