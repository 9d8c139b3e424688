"""Finn mentor: the scheme's coordination platform. People choose to be listed
(nothing is listed by default), mentees send ranked requests that pass on by
themselves, municipalities publish needs and offers, and the programme office
proposes pairs. Sets of choices (animals, relationship types, needs, offers)
are JSON objects whose keys are the codes, so both databases can filter them
with `has_any_keys`."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..networks import Municipality
from .applications import Application
from .hubs import MentorHub
from .rules import RelationshipKind

# How long the chosen mentor or hub has to answer before the request passes on.
ANSWER_DAYS = 5
ANSWER_TIME = timedelta(days=ANSWER_DAYS)
# A listing is confirmed every six months; unconfirmed, it is hidden after 30 days.
CONFIRM_EVERY = timedelta(days=182)
CONFIRM_WITHIN = timedelta(days=30)
MAX_CHOICES = 3


class Animal(models.TextChoices):
    CATTLE = "cattle", _("Cattle")
    SMALL_RUMINANTS = "small_ruminants", _("Sheep and goats")
    PIGS = "pigs", _("Pigs")
    POULTRY = "poultry", _("Poultry")
    HORSES = "horses", _("Horses")
    AQUACULTURE = "aquaculture", _("Aquaculture")
    COMPANION = "companion", _("Companion animals")


class MentorHelp(models.TextChoices):
    """What a mentor (or hub) can help a mentee with besides the mentoring."""

    HOUSING = "housing", _("Housing nearby")
    CAR = "car", _("A car")
    EQUIPMENT = "equipment", _("Equipment")


class MenteeStage(models.TextChoices):
    STUDENT = "student", _("Veterinary student")
    NEW_VET = "new_vet", _("Newly graduated vet")
    RETURNING_VET = "returning_vet", _("Vet returning to production-animal practice")


class MunicipalityNeedKind(models.TextChoices):
    PLACEMENT_HOST = "placement_host", _("A host for student placements")
    TEMPORARY_VET = "temporary_vet", _("A temporary vet")
    PERMANENT_VET = "permanent_vet", _("A permanent vet")


class MunicipalityOffer(models.TextChoices):
    FLAT = "flat", _("A flat")
    CAR = "car", _("A car")
    EQUIPMENT = "equipment", _("Equipment")
    STIMULUS_GRANT = "stimulus_grant", _("A stimulus grant")
    WELCOME_CONTACT = "welcome_contact", _("A welcome contact")


class Listing(models.Model):
    """What every listing shares: the person's consent to be listed, when, and
    the half-yearly confirmation that keeps it visible."""

    listed = models.BooleanField(_("show me in Finn mentor"), default=False)
    listed_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When the person last confirmed the listing.")
    )
    confirmation_requested_at = models.DateTimeField(null=True, blank=True)
    introduction = models.TextField(_("a short introduction"), max_length=1000, blank=True)
    animals = models.JSONField(_("animals"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class MentorProfile(Listing):
    """A mentor's listing. Shown as available only while the mentor holds a
    valid mentor certificate."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_profile"
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("practice municipality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    kinds = models.JSONField(_("relationship types I offer"), default=dict, blank=True)
    capacity = models.PositiveSmallIntegerField(_("mentees at once"), default=1)
    helps = models.JSONField(_("I can help with"), default=dict, blank=True)
    languages = models.CharField(_("languages"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("mentor profile")
        verbose_name_plural = _("mentor profiles")
        indexes = [models.Index(fields=["listed", "municipality"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1) & models.Q(capacity__lte=20),
                name="network_mentor_profile_capacity_1_to_20",
            ),
        ]

    def __str__(self):
        return str(self.user)


class MentorAvailability(models.Model):
    profile = models.ForeignKey(
        MentorProfile, on_delete=models.CASCADE, related_name="availability"
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))

    class Meta:
        ordering = ["starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="network_mentor_availability_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.starts_on:%d.%m.%Y}–{self.ends_on:%d.%m.%Y}"


class MenteeProfile(Listing):
    """What a student or vet seeks. Listed, it is a published search
    ("Søker praksisplass/mentor") that mentors, hubs and verified municipality
    contacts may answer; unlisted, it still fills in the person's requests."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentee_profile"
    )
    stage = models.CharField(_("I am"), max_length=20, choices=MenteeStage.choices)
    study_place = models.CharField(
        _("where I study or work"),
        max_length=200,
        help_text=_("E.g. NMBU in Ås, or the University of Veterinary Medicine in Košice."),
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality I live or work in (in Norway)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(
        _("year of study or of authorisation"), null=True, blank=True
    )
    kind = models.CharField(
        _("relationship type I seek"), max_length=20, choices=RelationshipKind.choices
    )
    wanted_municipalities = models.ManyToManyField(
        Municipality,
        verbose_name=_("municipalities I would like to come to"),
        blank=True,
        related_name="+",
    )
    wanted_counties = models.JSONField(_("counties I would like to come to"), default=list)
    needs = models.JSONField(_("what I need help with"), default=dict, blank=True)
    matched_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mentee profile")
        verbose_name_plural = _("mentee profiles")
        indexes = [models.Index(fields=["listed", "matched_at"])]

    def __str__(self):
        return str(self.user)


class MenteePeriod(models.Model):
    profile = models.ForeignKey(MenteeProfile, on_delete=models.CASCADE, related_name="periods")
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))

    class Meta:
        ordering = ["starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="network_mentee_period_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.starts_on:%d.%m.%Y}–{self.ends_on:%d.%m.%Y}"


class HubListing(models.Model):
    """An approved hub's listing: the weeks it can take students each
    half-year and whether it helps with housing."""

    hub = models.OneToOneField(MentorHub, on_delete=models.CASCADE, related_name="listing")
    listed = models.BooleanField(_("show the hub in Finn mentor"), default=False)
    weeks_per_half_year = models.PositiveSmallIntegerField(
        _("student-weeks we can take per half-year"), default=0
    )
    helps_with_housing = models.BooleanField(_("we help with housing"), default=False)
    animals = models.JSONField(_("animals"), default=dict, blank=True)
    introduction = models.TextField(_("a short introduction"), max_length=1000, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("hub listing")
        verbose_name_plural = _("hub listings")

    def __str__(self):
        return str(self.hub)


class MunicipalityProfile(models.Model):
    """What a municipality tells about its vet coverage, and what it offers a
    vet or student who comes. Kept by its verified contacts."""

    municipality = models.OneToOneField(
        Municipality, on_delete=models.CASCADE, related_name="matching_profile"
    )
    listed = models.BooleanField(_("show the municipality in Finn mentor"), default=False)
    coverage = models.TextField(_("the vet coverage situation"), max_length=2000, blank=True)
    offers = models.JSONField(_("what we offer"), default=dict, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("municipality profile")
        verbose_name_plural = _("municipality profiles")

    def __str__(self):
        return str(self.municipality)


class NeedStatus(models.TextChoices):
    OPEN = "open", _("Open")
    FILLED = "filled", _("Filled")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class MunicipalityNeed(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="needs")
    kind = models.CharField(_("we need"), max_length=20, choices=MunicipalityNeedKind.choices)
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("to"), null=True, blank=True)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    status = models.CharField(max_length=10, choices=NeedStatus.choices, default=NeedStatus.OPEN)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("municipality need")
        verbose_name_plural = _("municipality needs")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "municipality"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="network_municipality_need_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.municipality}: {self.get_kind_display()}"


class NeedInterest(models.Model):
    """A student or vet answers a municipality's need ("Jeg er interessert")."""

    need = models.ForeignKey(MunicipalityNeed, on_delete=models.CASCADE, related_name="interests")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="need_interests"
    )
    message = models.TextField(_("message"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["need", "user"], name="network_need_interest_once"),
        ]

    def __str__(self):
        return f"{self.user} → {self.need}"


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    EXPIRED = "expired", _("No one could take it")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class MatchRequest(models.Model):
    """A mentee's request to up to three mentors or hubs, in order. Only one
    choice is asked at a time."""

    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="match_requests"
    )
    kind = models.CharField(_("relationship type"), max_length=20, choices=RelationshipKind.choices)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    message = models.TextField(_("message"), max_length=2000, blank=True)
    status = models.CharField(
        max_length=10, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    application = models.OneToOneField(
        Application,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="match_request",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mentor request")
        verbose_name_plural = _("mentor requests")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="network_match_request_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.mentee}: {self.get_kind_display()}"


class ChoiceStatus(models.TextChoices):
    WAITING = "waiting", _("In the queue")
    ASKED = "asked", _("Asked")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    TIMED_OUT = "timed_out", _("Did not answer in time")
    SKIPPED = "skipped", _("Not asked")


class RequestChoice(models.Model):
    """One of the request's ranked choices: a mentor or a hub."""

    request = models.ForeignKey(MatchRequest, on_delete=models.CASCADE, related_name="choices")
    rank = models.PositiveSmallIntegerField()
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="request_choices",
    )
    hub = models.ForeignKey(
        MentorHub, null=True, blank=True, on_delete=models.CASCADE, related_name="request_choices"
    )
    status = models.CharField(
        max_length=10, choices=ChoiceStatus.choices, default=ChoiceStatus.WAITING
    )
    asked_at = models.DateTimeField(null=True, blank=True)
    answer_by = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answer_message = models.TextField(_("message"), max_length=2000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["request", "rank"]
        # The daily pass-on finds the choices whose answer time has run out.
        indexes = [models.Index(fields=["status", "answer_by"])]
        constraints = [
            models.UniqueConstraint(fields=["request", "rank"], name="network_request_rank_once"),
            models.CheckConstraint(
                condition=models.Q(rank__gte=1) & models.Q(rank__lte=MAX_CHOICES),
                name="network_request_rank_1_to_3",
            ),
            models.CheckConstraint(
                condition=models.Q(mentor__isnull=False, hub__isnull=True)
                | models.Q(mentor__isnull=True, hub__isnull=False),
                name="network_request_choice_mentor_or_hub",
            ),
            # Only one choice is asked at a time.
            models.UniqueConstraint(
                fields=["request"],
                condition=models.Q(status="asked"),
                name="network_request_one_asked",
            ),
        ]

    def __str__(self):
        return f"{self.rank}. {self.mentor or self.hub}"


class SearchAnswer(models.Model):
    """A mentor, hub or verified municipality contact answers a published
    search; the mentee may accept it."""

    profile = models.ForeignKey(MenteeProfile, on_delete=models.CASCADE, related_name="answers")
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="search_answers"
    )
    hub = models.ForeignKey(MentorHub, null=True, blank=True, on_delete=models.CASCADE)
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    message = models.TextField(_("message"), max_length=2000)
    accepted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "answered_by"], name="network_search_answer_once"
            ),
        ]

    def __str__(self):
        return f"{self.answered_by} → {self.profile}"


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("Both accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class MatchProposal(models.Model):
    """The programme office proposes a pair; both must accept."""

    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="proposals_as_mentee"
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="proposals_as_mentor",
    )
    hub = models.ForeignKey(MentorHub, null=True, blank=True, on_delete=models.CASCADE)
    kind = models.CharField(max_length=20, choices=RelationshipKind.choices)
    score = models.PositiveSmallIntegerField(default=0)
    message = models.TextField(_("message to both"), max_length=2000, blank=True)
    status = models.CharField(
        max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PROPOSED
    )
    mentee_accepted_at = models.DateTimeField(null=True, blank=True)
    mentor_accepted_at = models.DateTimeField(null=True, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    application = models.OneToOneField(
        Application, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposal"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("match proposal")
        verbose_name_plural = _("match proposals")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(mentor__isnull=False, hub__isnull=True)
                | models.Q(mentor__isnull=True, hub__isnull=False),
                name="network_proposal_mentor_or_hub",
            ),
            models.CheckConstraint(
                condition=~models.Q(mentor=models.F("mentee")),
                name="network_proposal_two_people",
            ),
        ]

    def __str__(self):
        return f"{self.mentee} – {self.mentor or self.hub}"


class MatchNote(models.Model):
    """The office's notes on a search, kept beside the matching board."""

    profile = models.ForeignKey(MenteeProfile, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("note"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.profile}, {self.created_at:%d.%m.%Y}"
