from django.db import models
from django.utils.translation import gettext_lazy as _


class Animal(models.TextChoices):
    """The animals and production types a practice works with. The order is the
    order in which they are listed to people."""

    CATTLE = "storfe", _("Cattle")
    SMALL_RUMINANTS = "småfe", _("Small ruminants")
    PIGS = "svin", _("Pigs")
    POULTRY = "fjørfe", _("Poultry")
    HORSE = "hest", _("Horses")
    AQUACULTURE = "akvakultur", _("Aquaculture")
    COMPANION_ANIMALS = "selskapsdyr", _("Companion animals")
