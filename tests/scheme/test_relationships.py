"""A running relationship: claims within caps, the office's decisions,
evaluations, the mentor's report and the payout gate."""

from datetime import date

import pytest

from django.core import mail

from network.models import (
    ApplicationStatus,
    Claim,
    ClaimCategory,
    ClaimStatus,
    CourseFeeKind,
    RelationshipKind,
)
from network.scheme.errors import ApplicationError
from network.scheme.selectors import relationship_money
from network.scheme.services import applications as applications
from network.scheme.services import relationships as services
from tests.factories import UserFactory
from tests.scheme.fixtures import active_relationship, receipt

S = ApplicationStatus
pytestmark = pytest.mark.django_db

ANSWERS = {
    "satisfaction": 5,
    "collaboration": 4,
    "expectations_clarified": "yes",
    "went_well": "Trygg start med bakvakt.",
    "could_be_better": "",
}
REPORT = {
    "summary": "Menteen er klar for å jobbe alene.",
    "mentee_progress": "Kalving, keisersnitt, besetningsbesøk.",
    "backup_duty_as_planned": True,
    "ended_as_planned": True,
    "ended_early_reason": "",
}


def claim(application, user, *, category=ClaimCategory.TRAVEL, amount=1000, **extra):
    return services.submit_claim(
        application=application,
        user=user,
        category=category,
        description=extra.pop("description", "Tog Oslo–Kongsvinger"),
        amount=amount,
        spent_on=extra.pop("spent_on", date(2026, 1, 5)),
        receipt=receipt(),
        **extra,
    )


def ended(application, office):
    return applications.change_status(
        application=application, user=office, expected=S.ACTIVE, to=S.ENDED
    )


# --- claims within caps -------------------------------------------------------------


def test_a_claim_within_the_cap_waits_for_approval_and_counts(scheme):
    application = active_relationship(scheme)
    first = claim(application, scheme.mentee, amount=4000)
    assert first.status == ClaimStatus.SUBMITTED
    room = services.room_for(application, category=ClaimCategory.TRAVEL)
    assert (room.cap, room.used, room.left) == (6000, 4000, 2000)


def test_a_claim_over_what_is_left_of_the_cap_is_refused_on_the_amount(scheme):
    application = active_relationship(scheme)
    claim(application, scheme.mentee, amount=4000)
    with pytest.raises(ApplicationError) as error:
        claim(application, scheme.mentee, amount=2500)
    assert list(error.value.error_dict) == ["amount"]
    assert "2\N{NO-BREAK SPACE}000" in error.value.error_dict["amount"][0].messages[0]
    assert Claim.objects.count() == 1


def test_a_rejected_claim_frees_its_part_of_the_cap(scheme):
    application = active_relationship(scheme)
    office = UserFactory()
    big = claim(application, scheme.mentee, amount=6000)
    services.decide_claim(claim=big, user=office, approved_amount=0, note="Mangler billett")
    assert claim(application, scheme.mentee, amount=6000).status == ClaimStatus.SUBMITTED


def test_a_partly_approved_claim_counts_at_its_approved_amount(scheme):
    application = active_relationship(scheme)
    first = claim(application, scheme.mentee, amount=5000)
    services.decide_claim(claim=first, user=UserFactory(), approved_amount=3000, note="Billigste")
    assert services.room_for(application, category=ClaimCategory.TRAVEL).left == 3000


def test_a_category_outside_the_grant_is_refused(scheme):
    application = active_relationship(scheme, kind=RelationshipKind.INEXPERIENCED_VET)
    with pytest.raises(ApplicationError) as error:
        claim(application, scheme.mentee, category=ClaimCategory.HOUSING, amount=100)
    assert "er ikke en del av" in error.value.error_dict["amount"][0].messages[0]


def test_only_the_mentee_claims_and_only_while_the_relationship_runs(scheme):
    application = active_relationship(scheme)
    with pytest.raises(ApplicationError) as error:
        claim(application, scheme.mentor)
    assert error.value.code == "party"
    application.status = S.PAID
    application.save()
    with pytest.raises(ApplicationError) as error:
        claim(application, scheme.mentee)
    assert error.value.code == "status"


def test_a_cost_in_the_future_is_refused(scheme):
    application = active_relationship(scheme)
    with pytest.raises(ApplicationError) as error:
        claim(application, scheme.mentee, spent_on=date(2027, 1, 1))
    assert list(error.value.error_dict) == ["spent_on"]


def test_a_claim_without_a_receipt_is_refused(scheme):
    application = active_relationship(scheme)
    with pytest.raises(ApplicationError) as error:
        services.submit_claim(
            application=application,
            user=scheme.mentee,
            category=ClaimCategory.TRAVEL,
            description="Tog",
            amount=100,
            spent_on=date(2026, 1, 5),
            receipt=None,
        )
    assert error.value.code == "receipt"


def test_course_fee_support_is_capped_per_course(scheme):
    application = active_relationship(scheme)
    claim(
        application,
        scheme.mentee,
        category=ClaimCategory.COURSE_FEE,
        course=CourseFeeKind.ANTE_MORTEM,
        amount=3000,
    )
    with pytest.raises(ApplicationError) as error:
        claim(
            application,
            scheme.mentee,
            category=ClaimCategory.COURSE_FEE,
            course=CourseFeeKind.ANTE_MORTEM,
            amount=1,
        )
    assert "amount" in error.value.error_dict


def test_insemination_support_needs_the_employment_that_needs_it(scheme):
    application = active_relationship(scheme)
    course = {"category": ClaimCategory.COURSE_FEE, "course": CourseFeeKind.INSEMINATION}
    with pytest.raises(ApplicationError) as error:
        claim(
            application,
            scheme.mentee,
            amount=13500,
            spent_on=date(2026, 2, 2),
            job_starts_on=date(2026, 9, 1),
            employment_weeks=4,
            **course,
        )
    assert set(error.value.error_dict) == {
        "employment_weeks",
        "employment_document",
        "job_starts_on",
    }
    made = claim(
        application,
        scheme.mentee,
        amount=13500,
        spent_on=date(2026, 2, 2),
        job_starts_on=date(2026, 8, 1),
        employment_weeks=6,
        employment_document=receipt("kontrakt.pdf"),
        **course,
    )
    assert made.employment_document
    with pytest.raises(ApplicationError) as error:
        claim(application, scheme.mentee, amount=1, **course)
    assert "amount" in error.value.error_dict


# --- the office's decision ----------------------------------------------------------


def test_approving_less_than_claimed_needs_a_note_and_the_mentee_is_told(
    scheme, django_capture_on_commit_callbacks
):
    application = active_relationship(scheme)
    made = claim(application, scheme.mentee, amount=2000)
    with pytest.raises(ApplicationError) as error:
        services.decide_claim(claim=made, user=UserFactory(), approved_amount=1500)
    assert error.value.code == "note"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_claim(
            claim=made, user=UserFactory(), approved_amount=1500, note="Kun billigste billett."
        )
    made.refresh_from_db()
    assert (made.status, made.approved_amount) == (ClaimStatus.APPROVED, 1500)
    assert [message.to for message in mail.outbox] == [[scheme.mentee.email]]
    assert "Kun billigste billett." in mail.outbox[0].body


def test_a_claim_is_decided_once(scheme):
    application = active_relationship(scheme)
    made = claim(application, scheme.mentee, amount=2000)
    services.decide_claim(claim=made, user=UserFactory(), approved_amount=2000)
    with pytest.raises(ApplicationError) as error:
        services.decide_claim(claim=made, user=UserFactory(), approved_amount=0, note="Nei")
    assert error.value.code == "decided"


def test_more_than_claimed_cannot_be_approved(scheme):
    application = active_relationship(scheme)
    made = claim(application, scheme.mentee, amount=2000)
    with pytest.raises(ApplicationError) as error:
        services.decide_claim(claim=made, user=UserFactory(), approved_amount=2001)
    assert error.value.code == "amount"


# --- evaluations, report, ended → evaluated ----------------------------------------


def test_ending_asks_both_to_evaluate(scheme, django_capture_on_commit_callbacks):
    application = active_relationship(scheme)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        ended(application, UserFactory())
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [scheme.mentor.email, scheme.mentee.email]
    )
    mentor_mail = next(m for m in mail.outbox if m.to == [scheme.mentor.email])
    assert "rapport" in mentor_mail.body


def test_both_evaluations_and_the_report_make_the_relationship_evaluated(scheme):
    application = active_relationship(scheme)
    services.submit_evaluation(application=application, user=scheme.mentee, **ANSWERS)
    ended(application, UserFactory())
    services.submit_evaluation(application=application, user=scheme.mentor, **ANSWERS)
    application.refresh_from_db()
    assert application.status == S.ENDED
    services.submit_mentor_report(application=application, user=scheme.mentor, **REPORT)
    application.refresh_from_db()
    assert application.status == S.EVALUATED
    last = application.events.order_by("-pk").first()
    assert (last.from_status, last.to_status, last.actor) == (S.ENDED, S.EVALUATED, scheme.mentor)


def test_ending_a_relationship_whose_evaluations_are_in_makes_it_evaluated(scheme):
    application = active_relationship(scheme)
    services.submit_evaluation(application=application, user=scheme.mentee, **ANSWERS)
    services.submit_evaluation(application=application, user=scheme.mentor, **ANSWERS)
    services.submit_mentor_report(application=application, user=scheme.mentor, **REPORT)
    assert ended(application, UserFactory()).status == S.EVALUATED


def test_a_party_evaluates_once_and_only_the_mentor_reports(scheme):
    application = active_relationship(scheme)
    services.submit_evaluation(application=application, user=scheme.mentee, **ANSWERS)
    with pytest.raises(ApplicationError) as error:
        services.submit_evaluation(application=application, user=scheme.mentee, **ANSWERS)
    assert error.value.code == "done"
    with pytest.raises(ApplicationError) as error:
        services.submit_mentor_report(application=application, user=scheme.mentee, **REPORT)
    assert error.value.code == "party"
    with pytest.raises(ApplicationError) as error:
        services.submit_evaluation(application=application, user=UserFactory(), **ANSWERS)
    assert error.value.code == "party"


# --- payout -------------------------------------------------------------------------


def _evaluated(scheme, office):
    application = active_relationship(scheme, office=office)
    travel = claim(application, scheme.mentee, amount=2400)
    housing = claim(application, scheme.mentee, category=ClaimCategory.HOUSING, amount=5000)
    services.decide_claim(claim=travel, user=office, approved_amount=2400)
    services.decide_claim(claim=housing, user=office, approved_amount=4000, note="Husleie")
    services.submit_evaluation(application=application, user=scheme.mentee, **ANSWERS)
    services.submit_evaluation(application=application, user=scheme.mentor, **ANSWERS)
    services.submit_mentor_report(application=application, user=scheme.mentor, **REPORT)
    ended(application, office)
    application.refresh_from_db()
    assert application.status == S.EVALUATED
    return application


def test_payout_pays_the_fee_and_the_approved_claims_and_tells_both(
    scheme, django_capture_on_commit_callbacks
):
    office = UserFactory()
    application = _evaluated(scheme, office)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        payout = services.record_payout(application=application, user=office, mentor_fee=40000)
    assert (payout.mentor_fee, payout.mentee_amount, payout.total) == (40000, 6400, 46400)
    application.refresh_from_db()
    assert application.status == S.PAID
    assert set(application.claims.values_list("status", flat=True)) == {ClaimStatus.PAID}
    money = {row.category: row for row in relationship_money(application)}
    assert (money["mentor_fee"].granted, money["mentor_fee"].paid) == (40000, 40000)
    assert (money["housing"].granted, money["housing"].claimed, money["housing"].paid) == (
        5000,
        5000,
        4000,
    )
    assert (money["travel"].approved, money["travel"].paid) == (2400, 2400)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [scheme.mentor.email, scheme.mentee.email]
    )


def test_payout_before_the_evaluations_needs_a_stated_reason(scheme):
    office = UserFactory()
    application = active_relationship(scheme, office=office)
    ended(application, office)
    with pytest.raises(ApplicationError) as error:
        services.record_payout(application=application, user=office, mentor_fee=40000)
    assert error.value.code == "incomplete"
    assert "mentorens rapport" in error.value.messages[0]
    payout = services.record_payout(
        application=application,
        user=office,
        mentor_fee=30000,
        override_reason="Menteen er sykmeldt; mentor har levert rapport på e-post.",
    )
    assert payout.override_reason.startswith("Menteen er sykmeldt")
    assert "sykmeldt" in application.events.order_by("-pk").first().note


def test_payout_waits_for_undecided_claims_and_keeps_to_the_granted_fee(scheme):
    office = UserFactory()
    application = _evaluated(scheme, office)
    with pytest.raises(ApplicationError) as error:
        services.record_payout(application=application, user=office, mentor_fee=40001)
    assert error.value.code == "mentor_fee"
    application.status = S.ACTIVE
    application.save()
    claim(application, scheme.mentee, amount=100)
    application.status = S.EVALUATED
    application.save()
    with pytest.raises(ApplicationError) as error:
        services.record_payout(application=application, user=office, mentor_fee=40000)
    assert error.value.code == "claims"


def test_a_relationship_is_paid_out_once_and_not_while_it_runs(scheme):
    office = UserFactory()
    running = active_relationship(scheme, office=office)
    with pytest.raises(ApplicationError) as error:
        services.record_payout(application=running, user=office, mentor_fee=0)
    assert error.value.code == "status"


def test_the_office_no_longer_marks_evaluated_or_paid_by_hand(scheme):
    office = UserFactory()
    application = active_relationship(scheme, office=office)
    ended(application, office)
    with pytest.raises(ApplicationError) as error:
        applications.change_status(
            application=application, user=office, expected=S.ENDED, to=S.EVALUATED
        )
    assert error.value.code == "transition"


def test_a_type_outside_its_rules_version_has_no_support_rather_than_an_error(scheme):
    from network.models import Application
    from network.scheme.selectors import support_for

    mentorvet_before_2_0 = Application(
        kind=RelationshipKind.MENTORVET, starts_on=date(2025, 1, 6), ends_on=date(2025, 3, 1)
    )
    assert support_for(mentorvet_before_2_0) is None
