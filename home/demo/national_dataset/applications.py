"""Applications to the mentor scheme in every status, as the services in
network/services/applications.py and relationships.py would leave them:
parties who hold the mandatory certificates before they apply, the rules
version in force when granted, claims within the grant's caps, evaluations,
the mentor's report, payouts, and the history of every step."""

import bisect
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils.text import slugify
from django.utils.translation import gettext as _

from network.models import (
    Application,
    ApplicationEvent,
    ApplicationInvitation,
    ApplicationStatus,
    Claim,
    ClaimCategory,
    ClaimStatus,
    Evaluation,
    ExpectationsClarified,
    MentorCriterion,
    MentorReport,
    Payout,
    RelationshipKind,
    SchemeRole,
    SchemeRules,
)
from network.scheme.demo import EARLY_ENDING, PILOT_FEEDBACK
from network.scheme.selectors import granted_by_category, reverse_ride_along_weeks
from network.scheme.support import MENTOR_FEE, format_kroner, maximum_support

from .base import bulk, email, explicit_timestamps, placeholder_file
from .learning import mandatory_holders
from .people import SCHEME_ADMINISTRATOR

S = ApplicationStatus
K = RelationshipKind

WEIGHTS = {
    S.DRAFT: 8,
    S.SUBMITTED: 6,
    S.IN_REVIEW: 6,
    S.CHANGES_REQUESTED: 3,
    S.GRANTED: 5,
    S.REJECTED: 5,
    S.ACTIVE: 15,
    S.ENDED: 6,
    S.EVALUATED: 6,
    S.PAID: 35,
    S.WITHDRAWN: 5,
}
# How long ago (days) the application was sent, by status.
SENT_DAYS_AGO = {
    S.DRAFT: (1, 60),
    S.SUBMITTED: (1, 20),
    S.IN_REVIEW: (5, 40),
    S.CHANGES_REQUESTED: (10, 60),
    S.GRANTED: (15, 60),
    S.REJECTED: (20, 300),
    S.ACTIVE: (40, 200),
    S.ENDED: (60, 300),
    S.EVALUATED: (90, 450),
    S.PAID: (150, 700),
    S.WITHDRAWN: (10, 300),
}
KINDS = {K.STUDENT_PLACEMENT: 25, K.TEMPORARY_LICENCE: 35, K.INEXPERIENCED_VET: 25, K.MENTORVET: 15}
WEEKS = {K.STUDENT_PLACEMENT: (2, 4), K.TEMPORARY_LICENCE: (8, 13), K.INEXPERIENCED_VET: (6, 12)}
GRANTED_OR_LATER = {S.GRANTED, S.ACTIVE, S.ENDED, S.EVALUATED, S.PAID}
RUNNING_OR_LATER = {S.ACTIVE, S.ENDED, S.EVALUATED, S.PAID}
ENDED_OR_LATER = {S.ENDED, S.EVALUATED, S.PAID}
DECISION_NOTES = {
    S.REJECTED: "Søknaden oppfyller ikke kravet om bakvakt i hele perioden.",
    S.CHANGES_REQUESTED: "Legg ved arbeidsavtalen og beskriv bakvaktordningen nærmere.",
}


@dataclass
class Clock:
    """Moments in order, each after the last and all before `limit`."""

    at: datetime
    limit: datetime

    def after(self, rng, low_days: float, high_days: float) -> datetime:
        step = timedelta(days=rng.uniform(low_days, high_days))
        self.at = (
            self.at + step if self.at + step < self.limit else self.at + (self.limit - self.at) / 2
        )
        return self.at


class Story:
    """One application's life, step by step, with the history rows the
    services would have written at each step."""

    def __init__(self, application, *, office, limit):
        self.application = application
        self.office = office
        self.clock = Clock(application.created_at, limit)
        self.history = []
        self.claims = []
        self.evaluations = []
        self.report = None
        self.payout = None
        self.invitation = None

    def after(self, rng, low_days, high_days) -> datetime:
        return self.clock.after(rng, low_days, high_days)

    def not_before(self, moment) -> datetime:
        if moment > self.clock.at:
            self.clock.at = min(moment, self.clock.limit)
        return self.clock.at

    def record(self, from_status, to_status, actor, note="", at=None):
        at = at or self.clock.at
        self.history.append(
            ApplicationEvent(
                from_status=from_status,
                to_status=to_status,
                actor=actor,
                actor_name=actor.display_name if actor else "",
                at=at,
                note=note,
            )
        )
        self.application.updated_at = at


class Holders:
    """People with a valid mandatory certificate, oldest certificate first."""

    def __init__(self, role, users):
        issued = mandatory_holders(role)
        # Ties on the moment go by creation order, never by the database's whim.
        self.people = sorted(
            ((at, users[pk]) for pk, at in issued.items() if pk in users),
            key=lambda entry: (entry[0], entry[1].pk),
        )
        self.times = [at for at, _user in self.people]
        self.by_pk = {user.pk: at for at, user in self.people}

    def issued(self, user):
        return self.by_pk.get(user.pk)

    def before(self, rng, moment):
        """Someone whose certificate was issued before `moment`, or the
        longest-standing holder."""
        count = bisect.bisect_left(self.times, moment)
        return rng.choice(self.people[:count])[1] if count else self.people[0][1]

    @property
    def oldest(self):
        return self.times[0]


def _statuses(rng, count, running) -> list[str]:
    """`running` relationships first (the busiest people's), then one in each
    status, then the rest by weight."""
    statuses = [S.ACTIVE] * running + list(WEIGHTS)
    names, weights = zip(*WEIGHTS.items(), strict=True)
    statuses += rng.choices(names, weights, k=max(0, count - len(statuses)))
    return statuses[:count]


def _rules_for(all_rules, day):
    valid = [rules for rules in all_rules if rules.valid_from <= day]
    return valid[-1] if valid else all_rules[0]


def _kind(rng, rules) -> str:
    kinds = [k for k in KINDS if rules.rule_for(k) is not None]
    return rng.choices(kinds, [KINDS[k] for k in kinds])[0]


CLAIMS = {
    ClaimCategory.HOUSING: "Husleie de første ukene",
    ClaimCategory.TRAVEL: "Reise til praksisstedet",
    ClaimCategory.PRACTICE_STIPEND: "Omvendt påsitterpraksis",
}
REJECTED_CLAIM_NOTE = "Kostnaden er ikke dokumentert med kvittering."


def build_applications(ctx, people) -> dict:
    rng = ctx.rng("applications")
    users = {p.user.pk: p.user for p in people.participants}
    holders = {
        SchemeRole.MENTOR: Holders(SchemeRole.MENTOR, users),
        SchemeRole.MENTEE: Holders(SchemeRole.MENTEE, users),
    }
    context = {
        "ctx": ctx,
        "holders": holders,
        "places": {p.user.pk: p.municipality for p in people.participants},
        "office": people.staff[SCHEME_ADMINISTRATOR],
        "rules": list(
            SchemeRules.objects.prefetch_related("relationship_rules", "course_fee_rules").order_by(
                "valid_from"
            )
        ),
        "files": {
            "contract": placeholder_file("contracts", "arbeidsavtale.pdf"),
            "decision": placeholder_file("decisions", "vedtak.pdf"),
            "receipt": placeholder_file("receipts", "kvittering.pdf"),
        },
    }
    # The busiest people each mentor a relationship that runs now.
    heavy = [person.user for person in people.heavy]
    stories = [
        _application(rng, context, number, status, heavy[number] if number < len(heavy) else None)
        for number, status in enumerate(_statuses(rng, ctx.plan.applications, len(heavy)))
    ]
    return _save(stories)


def _sent(rng, ctx, holders, status, mentor):
    """When the application was sent: within the status's range, and after
    the certificates it needs were issued."""
    low, high = SENT_DAYS_AGO[status]
    if status == S.DRAFT:
        return status, ctx.days_ago(rng, low, high)
    mentors, mentees = holders[SchemeRole.MENTOR], holders[SchemeRole.MENTEE]
    issued = [mentees.oldest, mentors.issued(mentor) if mentor else mentors.oldest]
    room = (ctx.now - max(issued)).days - 1
    if mentor is not None and room < low:
        status = S.SUBMITTED
        low, high = SENT_DAYS_AGO[status]
    if room >= low:
        high = min(high, room)
    return status, ctx.days_ago(rng, low, high)


def _application(rng, context, number, status, mentor) -> Story:
    ctx, holders, office = context["ctx"], context["holders"], context["office"]
    status, sent = _sent(rng, ctx, holders, status, mentor)
    mentor = mentor or holders[SchemeRole.MENTOR].before(rng, sent)
    mentee = holders[SchemeRole.MENTEE].before(rng, sent)
    place = context["places"][mentor.pk]
    days_ago = (ctx.now - sent).days
    if status == S.GRANTED:
        starts_on = ctx.today + timedelta(days=rng.randint(7, 60))
    else:
        starts_on = sent.date() + timedelta(days=rng.randint(7, max(7, min(30, days_ago - 9))))
    rules = _rules_for(context["rules"], starts_on)
    kind = _kind(rng, rules)
    low_weeks, high_weeks = WEEKS.get(kind, (12, 26))
    ends_on = starts_on + timedelta(weeks=rng.randint(low_weeks, high_weeks), days=-1)
    if status in ENDED_OR_LATER and ends_on >= ctx.today - timedelta(days=2):
        ends_on = max(starts_on, ctx.today - timedelta(days=rng.randint(2, 20)))
    if status == S.ACTIVE and ends_on < ctx.today + timedelta(days=7):
        ends_on = ctx.today + timedelta(days=rng.randint(7, 60))
    is_draft = status == S.DRAFT or (status == S.WITHDRAWN and rng.random() < 0.4)
    started_by = mentor if rng.random() < 0.6 else mentee
    if is_draft and rng.random() < 0.3:
        mentee, started_by = None, mentor
    application = Application(
        kind=kind,
        status=status,
        mentor=mentor,
        mentee=mentee,
        started_by=started_by,
        starts_on=starts_on,
        ends_on=ends_on,
        mentor_declarations=list(MentorCriterion.values)
        if not is_draft
        else rng.sample(MentorCriterion.values, 3),
        created_at=ctx.days_ago(rng, 1, 60)
        if is_draft
        else sent - timedelta(days=rng.randint(1, 20)),
        submitted_at=None if is_draft else sent,
        **_details(rng, kind, place, starts_on, context["files"]),
    )
    story = Story(application, office=office, limit=ctx.now - timedelta(hours=1))
    story.record("", S.DRAFT, started_by)
    if mentee is None:
        story.invitation = ApplicationInvitation(
            email=email(f"invitert{number:05d}"),
            role=SchemeRole.MENTEE,
            invited_by=mentor,
            sent_at=story.after(rng, 0, 2),
        )
    if is_draft:
        if status == S.WITHDRAWN:
            story.after(rng, 1, 20)
            story.record(S.DRAFT, S.WITHDRAWN, started_by)
        return story
    _review(rng, story, status, sent, rules, context["files"])
    if status in GRANTED_OR_LATER:
        _accept(rng, ctx, story, status)
    if status in RUNNING_OR_LATER:
        _relationship(rng, ctx, story, context["files"])
    return story


def _details(rng, kind, place, starts_on, files) -> dict:
    """What the applicants fill in, enough to pass submission_problems()."""
    ride_along = kind in (K.TEMPORARY_LICENCE, K.INEXPERIENCED_VET)
    licence = kind == K.TEMPORARY_LICENCE
    vet_scheme = kind != K.MENTORVET
    return {
        "municipality": place if vet_scheme else None,
        "employer": f"{place.name} dyreklinikk AS" if licence else "",
        "contract": files["contract"] if licence else "",
        "contract_name": "arbeidsavtale.pdf" if licence else "",
        "backup_plan": "Mentor og to kolleger deler bakvakt og kan alltid nås på telefon."
        if ride_along
        else "",
        "reverse_ride_along_from": starts_on if ride_along else None,
        "reverse_ride_along_to": starts_on + timedelta(days=rng.choice((6, 13)))
        if ride_along
        else None,
        "insurance_confirmed": vet_scheme,
        "municipality_contact_name": f"Vaktansvarlig i {place.name}" if vet_scheme else "",
        "municipality_contact_email": f"veterinaervakt@{slugify(place.name)}.kommune.no"
        if vet_scheme
        else "",
        "planned_use": "Mentorgodtgjørelse etter satsene, bolig de første ukene og reise."
        if vet_scheme
        else "",
        "mentee_goals": "" if vet_scheme else "Bli trygg i rollen og i vaktarbeidet.",
    }


def _review(rng, story, status, sent, rules, files):
    application, office = story.application, story.office
    party = rng.choice([application.mentor, application.mentee])
    if status in GRANTED_OR_LATER and rng.random() < 0.1:
        # A round of changes before the grant.
        note = DECISION_NOTES[S.CHANGES_REQUESTED]
        first = application.created_at
        step = (sent - first) / 4
        story.record(S.DRAFT, S.SUBMITTED, party, at=first + step)
        story.record(S.SUBMITTED, S.IN_REVIEW, office, at=first + 2 * step)
        story.record(S.IN_REVIEW, S.CHANGES_REQUESTED, office, note, at=first + 3 * step)
        story.not_before(sent)
        story.record(S.CHANGES_REQUESTED, S.SUBMITTED, party)
    else:
        story.not_before(sent)
        story.record(S.DRAFT, S.SUBMITTED, party)
    if status == S.SUBMITTED:
        return
    previous = S.SUBMITTED
    if status != S.WITHDRAWN or rng.random() < 0.5:
        story.after(rng, 1, 7)
        story.record(S.SUBMITTED, S.IN_REVIEW, office)
        previous = S.IN_REVIEW
    if status == S.WITHDRAWN:
        story.after(rng, 1, 30)
        story.record(previous, S.WITHDRAWN, party, "Vi har funnet en annen løsning.")
        return
    if status == S.IN_REVIEW:
        return
    story.after(rng, 2, 14)
    if status in DECISION_NOTES:
        story.record(S.IN_REVIEW, status, office, DECISION_NOTES[status])
        return
    application.rules = rules
    application.decision_letter = files["decision"]
    story.record(S.IN_REVIEW, S.GRANTED, office)


def _accept(rng, ctx, story, status):
    application = story.application
    parties = [(SchemeRole.MENTOR, application.mentor), (SchemeRole.MENTEE, application.mentee)]
    rng.shuffle(parties)
    running = status in RUNNING_OR_LATER
    accepting = parties if running else parties[: rng.randint(0, 1)]
    for role, person in accepting:
        setattr(application, f"{role}_accepted_at", story.after(rng, 0.2, 5))
        note = _("Accepted the decision letter as %(role)s.") % {
            "role": SchemeRole(role).label.lower()
        }
        story.record(S.GRANTED, S.GRANTED, person, note)
    if running:
        story.record(S.GRANTED, S.ACTIVE, accepting[-1][1])
    held_on = application.starts_on - timedelta(days=rng.randint(3, 10))
    if (running or rng.random() < 0.5) and ctx.at(held_on, 15) < story.clock.limit:
        application.startup_conversation_on = held_on
        application.startup_conversation_notes = (
            "Avklarte roller, bakvakt og hvordan vi når hverandre."
        )
        story.not_before(ctx.at(held_on, 15))
        current = S.ACTIVE if running else S.GRANTED
        note = _("Start-up conversation held %(date)s.") % {"date": held_on.strftime("%d.%m.%Y")}
        story.record(current, current, story.office, note)


def _relationship(rng, ctx, story, files):
    application, office = story.application, story.office
    status = application.status
    support = maximum_support(
        rules=application.rules,
        kind=application.kind,
        starts_on=application.starts_on,
        ends_on=application.ends_on,
        reverse_ride_along_weeks=reverse_ride_along_weeks(application),
    )
    granted = granted_by_category(support)
    last_day = min(application.ends_on, ctx.today - timedelta(days=1))
    for category, description in CLAIMS.items():
        cap = granted.get(category, 0)
        if not cap or rng.random() < 0.3 or last_day < application.starts_on:
            continue
        spent_on = application.starts_on + timedelta(
            days=rng.randint(0, (last_day - application.starts_on).days)
        )
        amount = max(1, cap * rng.randint(40, 100) // 100)
        if status == S.ACTIVE:
            outcome = rng.choices(
                (ClaimStatus.SUBMITTED, ClaimStatus.APPROVED, ClaimStatus.REJECTED), (4, 5, 1)
            )[0]
        else:
            outcome = ClaimStatus.APPROVED if rng.random() < 0.85 else ClaimStatus.REJECTED
        claimed_at = min(ctx.at(spent_on, 20), story.clock.limit)
        claim = Claim(
            claimant=application.mentee,
            category=category,
            description=description,
            amount=amount,
            spent_on=spent_on,
            receipt=files["receipt"],
            receipt_name="kvittering.pdf",
            status=outcome,
            created_at=claimed_at,
        )
        if outcome != ClaimStatus.SUBMITTED:
            claim.decided_by = office
            claim.decided_at = claimed_at + (story.clock.limit - claimed_at) / 3
            claim.approved_amount = amount if outcome == ClaimStatus.APPROVED else 0
            if outcome == ClaimStatus.REJECTED:
                claim.decision_note = REJECTED_CLAIM_NOTE
        story.claims.append(claim)
    if status == S.ACTIVE:
        return
    story.not_before(ctx.at(application.ends_on + timedelta(days=rng.randint(1, 5)), 10))
    story.record(S.ACTIVE, S.ENDED, office)
    _evaluations(rng, story, complete=status != S.ENDED)
    if status == S.PAID:
        _payout(rng, story, granted)


def _evaluations(rng, story, *, complete):
    application = story.application
    parts = ["mentor", "mentee", "report"]
    if not complete:
        # An ended relationship still waits for something.
        parts = rng.sample(parts, rng.randint(0, 2))
    for part in parts:
        at = story.after(rng, 1, 20)
        if part == "report":
            early = rng.random() < 0.05
            story.report = MentorReport(
                author=application.mentor,
                summary="Forholdet gikk som planlagt."
                if not early
                else "Forholdet ble avsluttet tidlig.",
                mentee_progress="Menteen har gått egne vakter og håndtert kalvinger selvstendig.",
                backup_duty_as_planned=application.kind != K.MENTORVET,
                ended_as_planned=not early,
                ended_early_reason=EARLY_ENDING if early else "",
                submitted_at=at,
            )
            continue
        satisfaction, collaboration, clarified, text = rng.choice(PILOT_FEEDBACK)
        story.evaluations.append(
            Evaluation(
                role=part,
                author=getattr(application, part),
                satisfaction=satisfaction,
                collaboration=collaboration,
                expectations_clarified=ExpectationsClarified(clarified),
                went_well=text,
                submitted_at=at,
            )
        )
    if complete:
        last = application.mentor if parts[-1] == "report" else getattr(application, parts[-1])
        note = _("Both evaluations and the mentor's report are in.")
        story.record(S.ENDED, S.EVALUATED, last, note)


def _payout(rng, story, granted):
    application = story.application
    approved = [c for c in story.claims if c.status == ClaimStatus.APPROVED]
    story.payout = Payout(
        mentor_fee=granted.get(MENTOR_FEE, 0),
        mentee_amount=sum(c.approved_amount for c in approved),
        recorded_by=story.office,
        recorded_at=story.after(rng, 5, 30),
    )
    for claim in approved:
        claim.status = ClaimStatus.PAID
        claim.payout = story.payout
    note = _("Paid out: %(mentor)s to the mentor, %(mentee)s to the mentee.") % {
        "mentor": format_kroner(story.payout.mentor_fee),
        "mentee": format_kroner(story.payout.mentee_amount),
    }
    story.record(S.EVALUATED, S.PAID, story.office, note)
    application.status = S.PAID


def _save(stories) -> dict:
    models = (ApplicationEvent, ApplicationInvitation, Claim, Evaluation, MentorReport, Payout)
    with explicit_timestamps(Application, *models):
        bulk(Application, [story.application for story in stories])
        rows = {model: [] for model in models}
        for story in stories:
            for row in [
                *story.history,
                *story.claims,
                *story.evaluations,
                story.report,
                story.payout,
                story.invitation,
            ]:
                if row is not None:
                    row.application = story.application
                    rows[type(row)].append(row)
        # Payouts first: paid claims point at them.
        bulk(Payout, rows[Payout])
        for model in models:
            if model is not Payout:
                bulk(model, rows[model])
    return {
        "applications": len(stories),
        "history rows": len(rows[ApplicationEvent]),
        "claims": len(rows[Claim]),
        "evaluations": len(rows[Evaluation]),
        "payouts": len(rows[Payout]),
    }
