"""The pages of a running relationship: who sees what, forms that keep what
was typed, and the office's claim decisions and payout."""

import pytest

from django.core import mail
from django.urls import reverse

from mentornett.accounts.roles import StaffRole
from network.models import ApplicationStatus, Claim, ClaimStatus, Evaluation
from network.scheme.services import applications
from network.scheme.services import relationships as services
from tests.factories import UserFactory
from tests.scheme.fixtures import active_relationship, receipt

S = ApplicationStatus
pytestmark = pytest.mark.django_db


def _claim(application, mentee, amount=1200):
    return services.submit_claim(
        application=application,
        user=mentee,
        category="travel",
        description="Fly Oslo–Røros",
        amount=amount,
        spent_on=application.starts_on,
        receipt=receipt(),
    )


def test_the_mentee_sends_a_claim_with_a_receipt(client, scheme):
    application = active_relationship(scheme)
    client.force_login(scheme.mentee)
    url = reverse("scheme:claims", args=[application.pk])
    response = client.post(
        url,
        {
            "category": "travel",
            "description": "Tog Oslo–Kongsvinger t/r",
            "amount": "840",
            "spent_on": "2026-01-04",
            "receipt": receipt(),
        },
    )
    assert response.status_code == 302
    made = Claim.objects.get()
    assert (made.amount, made.claimant, made.status) == (840, scheme.mentee, ClaimStatus.SUBMITTED)
    html = client.get(url).content.decode()
    assert "Tog Oslo–Kongsvinger t/r" in html


def test_a_claim_over_the_cap_keeps_what_was_typed_and_says_how_much_is_left(client, scheme):
    application = active_relationship(scheme)
    client.force_login(scheme.mentee)
    response = client.post(
        reverse("scheme:claims", args=[application.pk]),
        {
            "category": "travel",
            "description": "Leiebil hele perioden",
            "amount": "9000",
            "spent_on": "2026-01-04",
            "receipt": receipt(),
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Leiebil hele perioden" in html
    assert 'value="9000"' in html
    assert "6\N{NO-BREAK SPACE}000\N{NO-BREAK SPACE}kr" in html
    assert not Claim.objects.exists()


def test_a_claim_without_a_receipt_is_refused_on_the_field(client, scheme):
    application = active_relationship(scheme)
    client.force_login(scheme.mentee)
    client.cookies["mentornett_language"] = "en"
    response = client.post(
        reverse("scheme:claims", args=[application.pk]),
        {"category": "travel", "description": "Buss", "amount": "200", "spent_on": "2026-01-04"},
    )
    assert response.status_code == 400
    assert 'id="id_receipt_error"' in response.content.decode() or "receipt" in str(
        response.context["form"].errors
    )
    assert "receipt" in response.context["form"].errors
    assert 'value="Buss"' in response.content.decode()


@pytest.mark.parametrize(
    ("who", "claims_page", "receipt_file"),
    [
        ("mentee", 200, 200),
        ("mentor", 404, 404),
        ("stranger", 404, 404),
        ("administrator", 404, 200),
        ("anonymous", 302, 302),
    ],
)
def test_claims_and_receipts_are_the_mentee_s_own(
    client, scheme, staff_user, who, claims_page, receipt_file
):
    application = active_relationship(scheme)
    made = _claim(application, scheme.mentee)
    people = {
        "mentee": scheme.mentee,
        "mentor": scheme.mentor,
        "stranger": UserFactory(),
        "administrator": staff_user(StaffRole.SCHEME_ADMINISTRATOR),
    }
    if who in people:
        client.force_login(people[who])
    assert client.get(reverse("scheme:claims", args=[application.pk])).status_code == claims_page
    file_url = reverse("scheme:claim_file", args=[made.pk, "kvittering"])
    assert client.get(file_url).status_code == receipt_file
    assert client.get(reverse("scheme:claim_file", args=[made.pk, "annet"])).status_code in (
        404,
        302,
    )


def test_the_mentor_sees_only_their_fee_on_the_application(client, scheme):
    application = active_relationship(scheme)
    _claim(application, scheme.mentee)
    client.force_login(scheme.mentor)
    mentor_html = client.get(reverse("scheme:application", args=[application.pk])).content.decode()
    assert "Mentorgodtgjørelse</th>" in mentor_html
    assert "Reisestøtte</th>" not in mentor_html
    client.force_login(scheme.mentee)
    mentee_html = client.get(reverse("scheme:application", args=[application.pk])).content.decode()
    assert "Reisestøtte</th>" in mentee_html
    assert reverse("scheme:claims", args=[application.pk]) in mentee_html


def test_the_office_decides_a_claim_and_a_bad_decision_keeps_the_typed_note(
    client, scheme, staff_user
):
    application = active_relationship(scheme)
    made = _claim(application, scheme.mentee, amount=1200)
    client.force_login(staff_user(StaffRole.SCHEME_ADMINISTRATOR))
    url = reverse("scheme:decide_claim", args=[made.pk])
    response = client.post(url, {"approved_amount": "1500", "note": "Sjekket mot billett"})
    assert response.status_code == 400
    assert "Sjekket mot billett" in response.content.decode()
    response = client.post(url, {"approved_amount": "1000", "note": "Sjekket mot billett"})
    assert response.status_code == 302
    made.refresh_from_db()
    assert (made.status, made.approved_amount) == (ClaimStatus.APPROVED, 1000)


def test_only_the_office_decides_claims_and_pays_out(client, scheme):
    application = active_relationship(scheme)
    made = _claim(application, scheme.mentee)
    for person in (scheme.mentee, scheme.mentor, UserFactory()):
        client.force_login(person)
        decide = reverse("scheme:decide_claim", args=[made.pk])
        assert client.post(decide, {"approved_amount": "1"}).status_code == 404
        payout = reverse("scheme:payout", args=[application.pk])
        assert client.post(payout, {"mentor_fee": "1"}).status_code == 404
    made.refresh_from_db()
    assert made.status == ClaimStatus.SUBMITTED


def test_an_evaluation_with_an_unanswered_question_keeps_the_text(client, scheme):
    application = active_relationship(scheme)
    client.force_login(scheme.mentee)
    url = reverse("scheme:evaluation", args=[application.pk])
    response = client.post(
        url, {"collaboration": "4", "expectations_clarified": "partly", "went_well": "Bakvakten"}
    )
    assert response.status_code == 400
    assert "satisfaction" in response.context["evaluation_form"].errors
    assert "Bakvakten" in response.content.decode()
    response = client.post(
        url,
        {
            "satisfaction": "5",
            "collaboration": "4",
            "expectations_clarified": "partly",
            "went_well": "Bakvakten",
        },
    )
    assert response.status_code == 302
    assert Evaluation.objects.get().role == "mentee"


def test_the_mentor_report_asks_why_it_ended_early(client, scheme):
    application = active_relationship(scheme)
    client.force_login(scheme.mentor)
    url = reverse("scheme:evaluation", args=[application.pk])
    response = client.post(url, {"action": "report", "summary": "Avsluttet etter fire uker."})
    assert response.status_code == 400
    assert "ended_early_reason" in response.context["report_form"].errors
    assert "Avsluttet etter fire uker." in response.content.decode()


def test_the_evaluation_page_is_for_the_parties_only(client, scheme, staff_user):
    application = active_relationship(scheme)
    url = reverse("scheme:evaluation", args=[application.pk])
    for person, expected in (
        (scheme.mentee, 200),
        (scheme.mentor, 200),
        (UserFactory(), 404),
        (staff_user(StaffRole.SCHEME_ADMINISTRATOR), 404),
    ):
        client.force_login(person)
        assert client.get(url).status_code == expected


def test_the_office_pays_out_with_a_stated_reason_from_the_page(
    client, scheme, staff_user, django_capture_on_commit_callbacks
):
    office = staff_user(StaffRole.SCHEME_ADMINISTRATOR)
    application = active_relationship(scheme)
    applications.change_status(application=application, user=office, expected=S.ACTIVE, to=S.ENDED)
    client.force_login(office)
    page = client.get(reverse("scheme:office", args=[application.pk]))
    assert page.status_code == 200
    assert page.context["payout_form"].initial["mentor_fee"] == 40000
    url = reverse("scheme:payout", args=[application.pk])
    response = client.post(url, {"mentor_fee": "40000"})
    assert response.status_code == 400
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"mentor_fee": "40000", "override_reason": "Rapport på papir"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == S.PAID
    assert len(mail.outbox) == 2


def test_the_office_page_of_a_running_relationship_has_a_fixed_query_count(
    client, scheme, staff_user, django_assert_max_num_queries
):
    application = active_relationship(scheme)
    office = staff_user(StaffRole.SCHEME_ADMINISTRATOR)
    client.force_login(office)
    _claim(application, scheme.mentee, amount=100)
    url = reverse("scheme:office", args=[application.pk])
    with django_assert_max_num_queries(60) as few:
        client.get(url)
    for n in range(10):
        # Ten different claims: the same one again is a repeat (test_repeats.py).
        _claim(application, scheme.mentee, amount=101 + n)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_min_side_lists_applications_with_the_next_step_in_fixed_queries(
    client, scheme, django_assert_max_num_queries
):
    from network.models import RelationshipKind

    application = active_relationship(scheme)
    client.force_login(scheme.mentee)
    client.get("/min-side/")
    with django_assert_max_num_queries(40) as one:
        html = client.get("/min-side/").content.decode()
    assert reverse("scheme:application", args=[application.pk]) in html
    assert "Marit Mentor" in html
    for kind in (RelationshipKind.MENTORVET, RelationshipKind.STUDENT_PLACEMENT):
        applications.start_application(user=scheme.mentee, role="mentee", kind=kind)
    with django_assert_max_num_queries(len(one.captured_queries)):
        html = client.get("/min-side/").content.decode()
    assert html.count('class="card__meta"') >= 3
