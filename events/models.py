import hashlib
import secrets
import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from mentornett.dates import PROGRAMME_PLAN
from mentornett.view_restrictions import CachedViewRestrictions

from .blocks import AgendaItemBlock, RegistrationQuestionsBlock

EVENTS_PER_PAGE = 20


class EventKind(models.TextChoices):
    WEBINAR = "webinar", _("Webinar")
    DIGITAL_MEETING = "digital_meeting", _("Digital meeting")
    GATHERING = "gathering", _("Physical gathering")


ONLINE_KINDS = {EventKind.WEBINAR, EventKind.DIGITAL_MEETING}


class EventAudience(models.TextChoices):
    SIGNED_IN = "signed_in", _("Anyone signed in")
    MENTORS = "mentors", _("Mentors")
    MENTEES = "mentees", _("Mentees")
    NETWORK = "network", _("Teams of a learning network")


DEFAULT_POLL_CHOICES = "\n".join(
    [
        "Erfaringsdeling og nettverksbygging",
        "Motivasjon og inspirasjon",
        "Kunnskap og kompetanse",
    ]
)


class EventIndexPage(CachedViewRestrictions, Page):
    """The list of upcoming and past events."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("event index")

    def get_context(self, request, *args, **kwargs):
        """The coming (or past) events, filtered by kind and audience, a page
        of them at a time."""
        from .selectors import event_listing

        context = super().get_context(request, *args, **kwargs)
        past = request.GET.get("when") == "past"
        kind = request.GET.get("kind", "")
        audience = request.GET.get("audience", "")
        kind = kind if kind in EventKind.values else ""
        audience = audience if audience in EventAudience.values else ""
        events = event_listing(index=self, past=past, kind=kind, audience=audience)
        page_obj = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
        query = {"when": "past" if past else "", "kind": kind, "audience": audience}
        context.update(
            {
                "base_query": urlencode({key: value for key, value in query.items() if value}),
                "page_obj": page_obj,
                "events": page_obj.object_list,
                "past": past,
                "kind": kind,
                "audience": audience,
                "kinds": EventKind.choices,
                "audiences": EventAudience.choices,
                "filtered": bool(kind or audience),
            }
        )
        return context


class EventSeries(models.Model):
    """Sessions that belong together, e.g. three webinars of the mentor
    training. Registering for the series registers for every session."""

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta:
        verbose_name = _("event series")
        verbose_name_plural = pgettext_lazy("plural", "event series")
        ordering = ["name"]

    def __str__(self):
        return self.name


class EventPage(CachedViewRestrictions, Page):
    """A webinar, digital meeting or physical gathering people register for."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=EventKind.choices, default=EventKind.WEBINAR
    )
    intro = models.CharField(_("summary"), max_length=300, blank=True)
    theme = models.CharField(
        _("theme"),
        max_length=200,
        blank=True,
        help_text=_("For a learning network's gatherings: the gathering's main theme."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue = models.CharField(
        _("venue"), max_length=200, blank=True, help_text=_("For gatherings: the place's name.")
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    meeting_url = models.URLField(
        _("meeting link"),
        blank=True,
        help_text=_("For digital events. Only confirmed participants ever see it."),
    )
    meeting_details = models.CharField(
        _("meeting details"),
        max_length=300,
        blank=True,
        help_text=_("E.g. meeting ID and passcode. Only confirmed participants see it."),
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for no limit."),
    )
    registration_opens_at = models.DateTimeField(
        _("registration opens"), null=True, blank=True, help_text=_("Empty: open at once.")
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Empty: when it starts.")
    )
    cancellation_deadline = models.DateTimeField(
        _("cancellation deadline"),
        null=True,
        blank=True,
        help_text=_("Cancellations after this are recorded as late. Empty: when it starts."),
    )
    audience = models.CharField(
        _("who may register"),
        max_length=12,
        choices=EventAudience.choices,
        default=EventAudience.SIGNED_IN,
    )
    network = models.ForeignKey(
        "network.LearningNetworkPage",
        verbose_name=_("learning network"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="gatherings",
        help_text=_("For a learning network's gatherings: its teams may register."),
    )
    series = models.ForeignKey(
        EventSeries,
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
    )
    programme = StreamField([("item", AgendaItemBlock())], verbose_name=_("programme"), blank=True)
    questions = StreamField(
        RegistrationQuestionsBlock(), verbose_name=_("registration questions"), blank=True
    )
    poll_best_choices = models.TextField(
        _("evaluation: choices for “what was best”"),
        default=DEFAULT_POLL_CHOICES,
        help_text=_("One choice per line. Participants may also write their own answer."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("theme"),
        MultiFieldPanel(
            [FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("Time (Norwegian time)")
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("meeting_url"),
                FieldPanel("meeting_details"),
            ],
            heading=_("Place"),
        ),
        FieldPanel("body"),
        FieldPanel("programme"),
    ]
    registration_panels = [
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("network"),
                FieldPanel("series"),
                FieldPanel("capacity"),
                FieldPanel("registration_opens_at"),
                FieldPanel("registration_closes_at"),
                FieldPanel("cancellation_deadline"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("questions"),
        FieldPanel("poll_best_choices"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(registration_panels, heading=_("Registration")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("audience"),
        index.FilterField("starts_at"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="events_event_ends_after_start",
            ),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The event must end after it starts.")
        if (
            self.registration_closes_at
            and self.ends_at
            and self.registration_closes_at > self.ends_at
        ):
            errors["registration_closes_at"] = _("Registration must close before the event ends.")
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_opens_at >= self.registration_closes_at
        ):
            errors["registration_opens_at"] = _("Registration must open before it closes.")
        if self.audience == EventAudience.NETWORK and not self.network_id:
            errors["network"] = _("Choose the learning network whose teams may register.")
        errors = {**self._times_out_of_range(), **errors}
        if errors:
            raise ValidationError(errors)

    def _times_out_of_range(self) -> dict[str, str]:
        return PROGRAMME_PLAN.errors(
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            registration_opens_at=self.registration_opens_at,
            registration_closes_at=self.registration_closes_at,
            cancellation_deadline=self.cancellation_deadline,
        )

    def serve(self, request, *args, form=None, status=200, **kwargs):
        """The event page. The registration views pass their bound form back
        (with status 400), so what was typed is kept."""
        request.is_preview = getattr(request, "is_preview", False)
        context = self.get_context(request, *args, form=form, **kwargs)
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def get_context(self, request, *args, form=None, **kwargs):
        from .forms import RegistrationForm
        from .selectors import event_state, event_surroundings

        context = super().get_context(request, *args, **kwargs)
        state = event_state(user=request.user, event=self)
        if form is None and state.button in ("open", "waitlist"):
            form = RegistrationForm(event=self)
        answers_form = None
        if state.registration is not None and len(self.questions):
            answers_form = RegistrationForm(event=self, answers=state.registration.answers)
        context.update(
            {
                "state": state,
                "form": form,
                "answers_form": answers_form,
                "surroundings": event_surroundings(self),
            }
        )
        # Apps above this one add to the page through this hook: the learning
        # networks add the teams a coordinator may register.
        for add_to_context in hooks.get_hooks("event_page_context"):
            context.update(add_to_context(request=request, event=self, state=state))
        return context

    @property
    def is_online(self):
        return self.kind in ONLINE_KINDS

    @property
    def closes_at(self):
        return self.registration_closes_at or self.starts_at

    @property
    def cancel_by(self):
        return self.cancellation_deadline or self.starts_at

    @property
    def is_past(self):
        return self.ends_at <= timezone.now()

    @property
    def is_multi_day(self):
        return timezone.localdate(self.starts_at) != timezone.localdate(self.ends_at)

    def poll_choices(self):
        return [line.strip() for line in self.poll_best_choices.splitlines() if line.strip()]

    def place_fingerprint(self) -> str:
        """What registrants are told about when and where; a change means an
        e-mail to them and a new calendar SEQUENCE."""
        facts = "|".join(
            [
                self.starts_at.isoformat(),
                self.ends_at.isoformat(),
                self.venue,
                self.address,
                self.meeting_url,
                self.meeting_details,
            ]
        )
        return hashlib.sha256(facts.encode()).hexdigest()


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waitlist")
    CANCELLED = "cancelled", _("Cancelled")


class Attendance(models.TextChoices):
    UNKNOWN = "", _("Not recorded")
    ATTENDED = "attended", _("Attended")
    NO_SHOW = "no_show", _("Did not come")


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=RegistrationStatus.WAITLISTED)

    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def in_waitlist_order(self):
        return self.waitlisted().order_by("waitlisted_at", "pk")


class Registration(models.Model):
    """One person's place, or place in the queue, at one event."""

    # Kept when an editor deletes the event: attendance is part of a person's history.
    event = models.ForeignKey(
        EventPage, null=True, on_delete=models.SET_NULL, related_name="registrations"
    )
    event_title = models.CharField(_("event"), max_length=255)
    event_starts_at = models.DateTimeField(_("event starts"))
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    answers = models.JSONField(_("answers"), default=list, blank=True)
    registered_at = models.DateTimeField(_("registered"), default=timezone.now)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    waitlisted_at = models.DateTimeField(_("joined the waitlist"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    promoted = models.BooleanField(_("got a place from the waitlist"), default=False)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    late_cancellation = models.BooleanField(_("cancelled after the deadline"), default=False)
    attendance = models.CharField(
        _("attendance"), max_length=10, choices=Attendance.choices, blank=True, default=""
    )
    attendance_marked_at = models.DateTimeField(null=True, blank=True)
    reminded_week_at = models.DateTimeField(null=True, blank=True)
    reminded_day_at = models.DateTimeField(null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="events_one_registration"),
            models.CheckConstraint(
                condition=~models.Q(status="waitlisted") | models.Q(waitlisted_at__isnull=False),
                name="events_waitlist_has_a_place_in_line",
            ),
            models.CheckConstraint(
                condition=models.Q(late_cancellation=False) | models.Q(status="cancelled"),
                name="events_late_only_when_cancelled",
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status", "waitlisted_at"]),
            models.Index(fields=["person", "status"]),
        ]

    def __str__(self):
        return f"{self.person} – {self.event_title}"

    @property
    def is_confirmed(self):
        return self.status == RegistrationStatus.CONFIRMED

    @property
    def is_waitlisted(self):
        return self.status == RegistrationStatus.WAITLISTED

    @property
    def is_cancelled(self):
        return self.status == RegistrationStatus.CANCELLED


class EventSchedule(models.Model):
    """What registrants were last told about when and where the event is.
    Kept outside the page so that publishing an old revision can never lower
    the calendar SEQUENCE."""

    event = models.OneToOneField(
        EventPage, primary_key=True, on_delete=models.CASCADE, related_name="schedule"
    )
    sequence = models.PositiveIntegerField(default=0)
    fingerprint = models.CharField(max_length=64, blank=True)
    poll_reminded_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("event schedule")

    def __str__(self):
        return f"{self.event_id} #{self.sequence}"


def new_feed_token():
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A person's private calendar address. Making a new one revokes the old."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar feed")

    def __str__(self):
        return str(self.person)


class TimeUse(models.TextChoices):
    VERY_WELL = "very_well", _("Very well used")
    WELL = "well", _("Well used")
    PARTLY = "partly", _("Partly well used")
    POORLY = "poorly", _("Poorly used")


class PollParticipation(models.Model):
    """That a person answered the evaluation, and nothing about what: the
    answer itself is stored apart, without a link back to the person."""

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="poll_takers")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="events_one_poll_answer"),
        ]

    def __str__(self):
        return f"{self.person_id} – {self.event_id}"


class PollAnswer(models.Model):
    """An anonymous evaluation answer. A random key and no timestamp, so it
    cannot be matched to a PollParticipation by order or time."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="poll_answers")
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    best = models.JSONField(_("what was best"), default=list, blank=True)
    best_other = models.TextField(_("what was best, in own words"), blank=True)
    time_use = models.CharField(_("how the time was used"), max_length=10, choices=TimeUse.choices)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("evaluation answer")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="events_rating_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.event_id} – {self.rating}"


def new_share_token():
    return secrets.token_urlsafe(16)


class BreakoutPlan(models.Model):
    """Breakout groups for a webinar's exercises, made from those present."""

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="breakout_plans")
    exercises = models.PositiveSmallIntegerField(
        _("exercises"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    seed = models.PositiveIntegerField()
    # [[{"number": 1, "seats": [{"person": id, "name": "…", "role": "guide"}, …]}, …], …]
    rounds = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    share_token = models.CharField(max_length=32, unique=True, default=new_share_token)

    class Meta:
        verbose_name = _("breakout plan")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.event_id} – {self.created_at:%Y-%m-%d %H:%M}"
