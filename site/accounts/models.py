from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    BOKMAL = "nb", "Norsk (bokmål)"
    ENGLISH = "en", "English"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an e-mail login. Participant details live on Profile."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=Language.choices,
        default=Language.BOKMAL,
    )
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("May sign in to the editorial and administrative interface."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # Set when the person deleted their account: the row stays, anonymised
    # (mentornett.accounts.personal_data), so every record that points at it holds.
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        """How the site names the person to others: the full name, else the
        e-mail address (an account from a provider that gave no name)."""
        return self.full_name or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Profession(models.TextChoices):
    VETERINARIAN = "veterinarian", _("Veterinarian")
    VET_STUDENT = "vet_student", _("Veterinary student")
    NURSE = "nurse", _("Nurse")
    SOCIAL_EDUCATOR = "social_educator", _("Social educator")
    OTHER = "other", _("Other")


class Profile(models.Model):
    """What a participant tells about their work; used to guide them to the
    right course and scheme, and later checked against scheme rules."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    profession = models.CharField(
        _("profession"), max_length=20, choices=Profession.choices, blank=True
    )
    has_norwegian_authorisation = models.BooleanField(
        _("I have Norwegian authorisation"), default=False
    )
    authorisation_year = models.PositiveSmallIntegerField(
        _("year of authorisation"), null=True, blank=True
    )
    practice_years = models.PositiveSmallIntegerField(
        _("years of practice"),
        null=True,
        blank=True,
        help_text=_("Years of production-animal practice (vets) or clinical practice (nurses)."),
    )
    study_place = models.CharField(
        _("place of study"),
        max_length=200,
        blank=True,
        help_text=_("For students: where you study, e.g. NMBU Veterinary School."),
    )
    home_municipality = models.ForeignKey(
        "network.Municipality",
        verbose_name=_("home municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    wants_to_be_mentor = models.BooleanField(_("I would like to be a mentor"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("participant profile")
        verbose_name_plural = _("participant profiles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(has_norwegian_authorisation=True)
                | models.Q(authorisation_year__isnull=True),
                name="accounts_profile_year_needs_authorisation",
            ),
        ]

    def __str__(self):
        return str(self.user)

    @property
    def is_student(self):
        return self.profession == Profession.VET_STUDENT
