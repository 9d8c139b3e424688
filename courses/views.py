from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail import hooks

from .blocks import EXERCISE, QUIZ, REFLECTION
from .errors import CourseError
from .forms import ExerciseForm, ReflectionForm
from .models import BlockResponse, Certificate, CoursePage, Enrolment, LessonPage
from .permissions import can_read_lessons
from .selectors import lesson_view
from .services import answer_quiz, complete_lesson, enroll, mark_exercise, save_reflection


def _lesson_or_404(request, lesson_id):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    found = lesson_view(user=request.user, lesson=lesson, request=request)
    if found is None or not can_read_lessons(request.user, found.course):
        raise Http404
    if lesson.pk not in found.view.open_ids:
        raise Http404
    return lesson


def _block_or_404(lesson, block_id, kind):
    """An answer is only taken for a block of this kind on the live lesson:
    any other id (made up, or a block the editor has since removed) is not
    found, before the form is read, so nothing is stored."""
    if lesson.interactive_block(block_id, kind) is None:
        raise Http404


def _back_to(lesson, block_id=None):
    anchor = f"#block-{block_id}" if block_id else ""
    return HttpResponseRedirect(lesson.url + anchor)


@login_required
@require_POST
def enroll_view(request, course_id):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    enrolment = enroll(learner=request.user, course=course)
    target = enrolment.next_lesson if enrolment.next_lesson_id else None
    return HttpResponseRedirect(target.url if target else course.url)


def _save_form(request, lesson_id, block_id, kind, form, save):
    """Validate a block's form and save it; on a problem, show the lesson again
    with the form as typed and the message beside the field."""
    lesson = _lesson_or_404(request, lesson_id)
    _block_or_404(lesson, block_id, kind)
    if form.is_valid():
        try:
            save(lesson, form.cleaned_data)
        except CourseError as error:
            form.add_error(list(form.fields)[-1], error.messages[0])
        else:
            messages.success(request, _("Your answer is saved."))
            return _back_to(lesson, block_id)
    return lesson.serve(request, forms={block_id: form})


@login_required
@require_POST
def reflection_view(request, lesson_id, block_id):
    def save(lesson, data):
        save_reflection(learner=request.user, lesson=lesson, block_id=block_id, text=data["text"])

    form = ReflectionForm(request.POST, prefix=f"r-{block_id}")
    return _save_form(request, lesson_id, block_id, REFLECTION, form, save)


@login_required
@require_POST
def exercise_view(request, lesson_id, block_id):
    def save(lesson, data):
        mark_exercise(
            learner=request.user,
            lesson=lesson,
            block_id=block_id,
            done=data["done"],
            note=data["note"],
        )

    form = ExerciseForm(request.POST, prefix=f"e-{block_id}")
    return _save_form(request, lesson_id, block_id, EXERCISE, form, save)


@login_required
@require_POST
def quiz_view(request, lesson_id, block_id):
    lesson = _lesson_or_404(request, lesson_id)
    _block_or_404(lesson, block_id, QUIZ)
    chosen = [int(value) for value in request.POST.getlist("choice") if value.isdigit()]
    try:
        answer_quiz(learner=request.user, lesson=lesson, block_id=block_id, chosen=chosen)
    except CourseError as error:
        return lesson.serve(request, errors={block_id: error.messages[0]})
    return _back_to(lesson, block_id)


@login_required
@require_POST
def complete_view(request, lesson_id):
    lesson = _lesson_or_404(request, lesson_id)
    try:
        enrolment = complete_lesson(learner=request.user, lesson=lesson)
    except CourseError as error:
        if error.code == "incomplete":
            return lesson.serve(request, missing=error.params["missing"])
        messages.error(request, error.messages[0])
        return _back_to(lesson)
    if enrolment.next_lesson_id is None:
        if enrolment.is_completed:
            return HttpResponseRedirect(reverse("courses:completed", args=[enrolment.course_id]))
        return HttpResponseRedirect(enrolment.course.url)
    messages.success(request, _("The lesson is done."))
    return HttpResponseRedirect(enrolment.next_lesson.url)


@login_required
def completed_view(request, course_id):
    """Where a finished course leads: its certificate (the PDF, the public
    page, the Open Badge) and what the apps above offer next, through the
    `course_completed_context` hook (the mentor scheme's application)."""
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("course"),
        learner=request.user,
        course_id=course_id,
        completed_at__isnull=False,
    )
    certificate = (
        Certificate.objects.filter(holder=request.user, enrolment=enrolment)
        .select_related("holder")
        .order_by("-issued_at")
        .first()
    )
    context = {"enrolment": enrolment, "course": enrolment.course, "certificate": certificate}
    for add_to_context in hooks.get_hooks("course_completed_context"):
        context.update(
            add_to_context(request=request, course=enrolment.course, certificate=certificate)
        )
    return render(request, "courses/completed.html", context)


@login_required
def reflections_download(request, course_id):
    """All of the learner's own reflections in one course, as one document."""
    answers = list(
        BlockResponse.objects.filter(learner=request.user, course_id=course_id, kind="reflection")
        .exclude(text="")
        .select_related("lesson")
        .order_by("lesson__path", "updated_at")
    )
    if not answers:
        raise Http404
    course = CoursePage.objects.filter(pk=course_id).first()
    title = course.title if course else answers[0].lesson_title
    html = render_to_string(
        "courses/reflections_document.html",
        {"answers": answers, "course_title": title, "learner": request.user},
        request=request,
    )
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    filename = f"refleksjoner-{slugify(title) or 'kurs'}.html"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
