import secrets

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.approval import ApprovalRequired
from mentornett.uploads import private_storage
from mentornett.view_restrictions import CachedViewRestrictions

from .blocks import INTERACTIVE_BLOCKS, QUIZ, REFLECTION, LessonBodyBlock
from .forms import lesson_items
from .permissions import can_read_lessons


class Audience(models.TextChoices):
    MENTOR = "mentor", _("Mentors")
    MENTEE = "mentee", _("Mentees")
    EVERYONE = "everyone", _("Everyone")


class MandatoryFor(models.TextChoices):
    NONE = "", _("Optional course")
    MENTOR = "mentor", _("The mandatory course for mentors")
    MENTEE = "mentee", _("The mandatory course for mentees")


def outcome_lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class LearningOutcomes(models.Model):
    """Learning outcomes in the three groups of the Norwegian qualifications
    framework: knowledge, skills and general competence. One per line."""

    # Written as what the holder can do: the course's lines are printed on its
    # certificate under "What the holder can do".
    outcomes_knowledge = models.TextField(
        _("knowledge"),
        blank=True,
        help_text=_(
            "One learning outcome per line, written as what the holder knows, without "
            "“you”. For example: “Knows the roles of mentor and mentee.”"
        ),
    )
    outcomes_skills = models.TextField(
        _("skills"),
        blank=True,
        help_text=_(
            "One learning outcome per line, written as what the holder can do, without "
            "“you”. For example: “Can lead a start-up conversation.”"
        ),
    )
    outcomes_competence = models.TextField(
        _("general competence"),
        blank=True,
        help_text=_(
            "One learning outcome per line, written as how the holder works, without "
            "“you”. For example: “Lets the mentee's needs lead, also on a busy day.”"
        ),
    )

    outcome_panels = [
        MultiFieldPanel(
            [
                FieldPanel("outcomes_knowledge"),
                FieldPanel("outcomes_skills"),
                FieldPanel("outcomes_competence"),
            ],
            heading=_("Learning outcomes"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def learning_outcomes(self):
        """[(group label, [outcome, …]), …], leaving out empty groups."""
        groups = [
            (_("Knowledge"), outcome_lines(self.outcomes_knowledge)),
            (_("Skills"), outcome_lines(self.outcomes_skills)),
            (_("General competence"), outcome_lines(self.outcomes_competence)),
        ]
        return [(label, lines) for label, lines in groups if lines]


class CourseIndexPage(CachedViewRestrictions, ApprovalRequired, Page):
    """The course catalogue."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from .selectors import catalogue_for

        context = super().get_context(request, *args, **kwargs)
        context["entries"] = catalogue_for(user=request.user, index=self)
        return context


class CoursePage(CachedViewRestrictions, ApprovalRequired, LearningOutcomes, Page):
    """A micro-course. Its modules and lessons below it, in tree order, are the
    learning path."""

    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience.choices, default=Audience.EVERYONE
    )
    mandatory_for = models.CharField(
        _("mandatory for"), max_length=10, choices=MandatoryFor.choices, blank=True, default=""
    )
    estimated_hours = models.DecimalField(
        _("estimated hours"),
        max_digits=4,
        decimal_places=1,
        default=1,
        validators=[MinValueValidator(0.5), MaxValueValidator(200)],
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ul"])
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        help_text=_("Raise the version when a change is substantial. Certificates record it."),
    )
    certificate_validity_months = models.PositiveSmallIntegerField(
        _("certificate valid for (months)"),
        null=True,
        blank=True,
        help_text=_("Leave empty if the certificate does not expire."),
    )
    sequential = models.BooleanField(
        _("open lessons one at a time"),
        default=False,
        help_text=_("A lesson opens when the one before it is done."),
    )
    open_access = models.BooleanField(
        _("lessons open without signing in"),
        default=False,
        help_text=_(
            "Anyone may read the lessons. Progress is still only saved for signed-in people."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("mandatory_for"),
                FieldPanel("estimated_hours"),
                FieldPanel("version"),
                FieldPanel("certificate_validity_months"),
                FieldPanel("sequential"),
                FieldPanel("open_access"),
            ],
            heading=_("Course settings"),
        ),
        *LearningOutcomes.outcome_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("outcomes_knowledge"),
        index.FilterField("audience"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")

    def __str__(self):
        return self.title

    def get_context(self, request, *args, **kwargs):
        from .selectors import course_view

        context = super().get_context(request, *args, **kwargs)
        context["course_view"] = course_view(user=request.user, course=self, request=request)
        return context


class ModulePage(CachedViewRestrictions, ApprovalRequired, LearningOutcomes, Page):
    """A group of lessons within a course."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ul"])

    content_panels = [*Page.content_panels, FieldPanel("intro"), *LearningOutcomes.outcome_panels]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("module")

    def __str__(self):
        return self.title

    def serve(self, request, *args, **kwargs):
        # A module has no page of its own: its course shows it.
        from django.shortcuts import redirect

        return redirect(self.get_parent().get_url(request) + f"#module-{self.pk}")


class LessonPage(CachedViewRestrictions, ApprovalRequired, Page):
    """One lesson: content, questions to answer, exercises."""

    intro = models.CharField(_("summary"), max_length=300, blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), default=15, validators=[MinValueValidator(1)]
    )
    body = StreamField(LessonBodyBlock(), verbose_name=_("content"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")

    def serve(self, request, *args, **kwargs):
        # Only the course's learners read its lessons, and only those open to them.
        from .selectors import lesson_view

        found = lesson_view(user=request.user, lesson=self, request=request)
        if found is None:
            raise Http404
        if not can_read_lessons(request.user, found.course):
            return redirect_to_login(request.get_full_path())
        if found.position is None:
            raise Http404
        request.is_preview = getattr(request, "is_preview", False)
        context = self.get_context(request, *args, found=found, **kwargs)
        return TemplateResponse(request, self.get_template(request), context)

    def get_context(self, request, *args, found, forms=None, errors=None, missing=None, **kwargs):
        """The lesson in its course. The views that take answers pass the bound
        form, the error or what is missing, so what was typed is kept."""
        from .selectors import missing_requirements, responses_for

        context = super().get_context(request, *args, **kwargs)
        view = found.view
        responses = responses_for(user=request.user, lesson=self)
        if missing is None:
            signed_in = request.user.is_authenticated
            missing = missing_requirements(self, responses) if signed_in else []
        context.update(
            {
                "course": found.course,
                "view": view,
                "locked": self.pk not in view.open_ids,
                "done": self.pk in view.done_ids,
                "position": found.position + 1,
                "previous_lesson": found.previous_lesson,
                "following_lesson": found.following_lesson,
                "items": lesson_items(self, responses, forms or {}, errors or {}),
                "missing": missing,
            }
        )
        return context

    def serve_preview(self, request, mode_name):
        # The page needs its course, outline and the editor's own answers, which
        # only serve() gathers; Wagtail's default preview has none of them.
        request.is_preview = True
        return self.serve(request)

    def interactive_blocks(self):
        """(block id, block) for the blocks a learner answers or acts on."""
        return [(block.id, block) for block in self.body if block.block_type in INTERACTIVE_BLOCKS]

    def interactive_block(self, block_id: str, kind: str):
        """The block of this kind with this id, or None."""
        for candidate_id, block in self.interactive_blocks():
            if candidate_id == block_id and block.block_type == kind:
                return block
        return None

    def required_blocks(self):
        """Blocks that must be satisfied before the lesson can be marked done:
        every quiz question, and reflections the editor marked required."""
        return [
            (block_id, block)
            for block_id, block in self.interactive_blocks()
            if block.block_type == QUIZ
            or (block.block_type == REFLECTION and block.value.get("required"))
        ]


class Enrolment(models.Model):
    """A learner's place in a course, with progress kept up to date by the
    completion service so listings never count completion rows."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    course = models.ForeignKey(
        CoursePage, null=True, on_delete=models.SET_NULL, related_name="enrolments"
    )
    course_title = models.CharField(_("course title"), max_length=255)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    lessons_done = models.PositiveIntegerField(_("lessons done"), default=0)
    lessons_total = models.PositiveIntegerField(_("lessons in the course"), default=0)
    minutes_left = models.PositiveIntegerField(_("minutes left"), default=0)
    next_lesson = models.ForeignKey(
        LessonPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_lesson = models.ForeignKey(
        LessonPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    completed_version = models.PositiveIntegerField(_("completed version"), null=True, blank=True)
    completed_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["learner", "course"], name="courses_one_enrolment"),
            models.CheckConstraint(
                condition=models.Q(lessons_done__lte=models.F("lessons_total")),
                name="courses_enrolment_done_within_total",
            ),
            models.CheckConstraint(
                condition=models.Q(completed_at__isnull=True)
                | models.Q(completed_version__isnull=False),
                name="courses_completion_records_version",
            ),
        ]
        indexes = [models.Index(fields=["course", "completed_at"])]

    def __str__(self):
        return f"{self.learner} – {self.course_title}"

    @property
    def is_completed(self):
        return self.completed_at is not None

    @property
    def percent(self):
        if self.is_completed:
            return 100
        if not self.lessons_total:
            return 0
        return round(100 * self.lessons_done / self.lessons_total)


class LessonCompletion(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="completions")
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="completions")
    completed_at = models.DateTimeField(_("completed"), auto_now_add=True)

    class Meta:
        verbose_name = _("lesson completion")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson"], name="courses_lesson_done_once"
            ),
        ]

    def __str__(self):
        return f"{self.enrolment} – {self.lesson_id}"


class ResponseKind(models.TextChoices):
    REFLECTION = "reflection", _("Reflection")
    EXERCISE = "exercise", _("Exercise")
    QUIZ = "quiz", _("Quiz answer")


class BlockResponse(models.Model):
    """What one learner wrote, chose or marked in one interactive block. Private
    to the learner."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="block_responses"
    )
    # Kept when an editor deletes the lesson: the learner's words are theirs.
    lesson = models.ForeignKey(
        LessonPage, null=True, on_delete=models.SET_NULL, related_name="responses"
    )
    lesson_title = models.CharField(_("lesson"), max_length=255, blank=True)
    course = models.ForeignKey(
        CoursePage, null=True, on_delete=models.SET_NULL, related_name="responses"
    )
    block_id = models.CharField(max_length=64)
    kind = models.CharField(max_length=12, choices=ResponseKind.choices)
    prompt = models.CharField(_("question"), max_length=300, blank=True)
    text = models.TextField(_("text"), blank=True)
    choices = models.JSONField(_("chosen options"), default=list, blank=True)
    satisfied = models.BooleanField(
        default=False,
        help_text=_("Answered, marked done, or (quiz) answered correctly at least once."),
    )
    attempts = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "lesson", "block_id"], name="courses_one_response_per_block"
            ),
        ]

    def __str__(self):
        return f"{self.learner} – {self.kind} – {self.block_id}"


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")


class CertificateQuerySet(models.QuerySet):
    def valid_on(self, day):
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=day)
        )


def certificate_pdf_path(instance, filename):
    # Unguessable: the file is only ever served through a permission check.
    return f"certificates/{secrets.token_hex(16)}.pdf"


class Certificate(models.Model):
    """A course certificate ("kursbevis"). What it says is fixed at issue:
    later edits to the course never change it."""

    code = models.CharField(_("verification code"), max_length=32, unique=True)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    holder_name = models.CharField(_("holder"), max_length=200)
    holder_language = models.CharField(_("language"), max_length=5, default="nb")
    course = models.ForeignKey(
        CoursePage, null=True, on_delete=models.SET_NULL, related_name="certificates"
    )
    course_title = models.CharField(_("course"), max_length=255)
    course_version = models.PositiveIntegerField(_("course version"))
    mandatory_for = models.CharField(_("mandatory for"), max_length=10, blank=True)
    outcomes = models.JSONField(_("learning outcomes"), default=dict)
    workload_hours = models.DecimalField(_("workload (hours)"), max_digits=4, decimal_places=1)
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    enrolment = models.ForeignKey(
        Enrolment, null=True, on_delete=models.SET_NULL, related_name="certificates"
    )
    issued_at = models.DateTimeField(_("issued"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revoking"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("re-issue of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaced_by",
    )
    verification_count = models.PositiveIntegerField(_("times verified"), default=0)
    last_verified_at = models.DateTimeField(_("last verified"), null=True, blank=True)
    # Private storage: the PDF names its holder, so it is served only by the
    # holder's permission-checked view, never by the web server from /media/.
    pdf = models.FileField(
        _("PDF"), upload_to=certificate_pdf_path, storage=private_storage, blank=True
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("course certificate")
        verbose_name_plural = _("course certificates")
        ordering = ["-issued_at"]
        constraints = [
            # One certificate in force per person and course version; a revoked
            # one may be followed by a re-issue.
            models.UniqueConstraint(
                fields=["holder", "course", "course_version"],
                condition=models.Q(revoked_at__isnull=True),
                name="courses_one_certificate_per_course_version",
            ),
            models.CheckConstraint(
                condition=models.Q(revoked_at__isnull=True) | ~models.Q(revoked_reason=""),
                name="courses_revoking_needs_a_reason",
            ),
        ]

    def __str__(self):
        return f"{self.code} – {self.holder_name} – {self.course_title}"

    def status_on(self, day):
        if self.revoked_at is not None:
            return CertificateStatus.REVOKED
        if self.valid_until is not None and self.valid_until < day:
            return CertificateStatus.EXPIRED
        return CertificateStatus.VALID

    @property
    def status(self):
        return self.status_on(timezone.localdate())
