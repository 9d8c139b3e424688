"""The Wagtail dashboard's "Venter på deg": per role, what waits for the
person and where to deal with it, in a fixed number of queries."""

from datetime import date

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mentornett.accounts.roles import StaffRole
from network.models import ClaimCategory
from network.scheme.services import applications as scheme_services
from network.scheme.services import relationships as relationship_services
from network.services import save_draft, submit
from tests.scheme.fixtures import active_relationship, complete_application, receipt

pytestmark = pytest.mark.django_db


def panel(client, person):
    client.force_login(person)
    html = client.get("/admin/").content.decode()
    start = html.index('id="waiting-for-you-section"')
    return html[start : html.index("</section>", start)]


def claim(application, mentee, amount=1000):
    return relationship_services.submit_claim(
        application=application,
        user=mentee,
        category=ClaimCategory.TRAVEL,
        description="Tog Oslo–Kongsvinger",
        amount=amount,
        spent_on=date(2026, 1, 5),
        receipt=receipt(),
    )


def test_the_office_sees_applications_claims_and_hubs_waiting(client, scheme, staff_user):
    office = staff_user(StaffRole.SCHEME_ADMINISTRATOR)
    running = active_relationship(scheme, office=office)
    claim(running, scheme.mentee)
    claim(running, scheme.mentee, amount=500)
    sent = scheme_services.submit_application(
        application=complete_application(scheme), user=scheme.mentor
    )

    html = panel(client, office)

    assert "Venter på deg" in html
    assert "1 søknad til mentorordningen er sendt og venter på behandling" in html
    assert f"{reverse('wagtailsnippets_network_application:list')}?status=submitted" in html
    assert "2 krav venter på godkjenning" in html
    assert "Magnus Mentee (mentee) og Marit Mentor: 2 krav" in html
    assert reverse("scheme:office", args=[running.pk]) in html
    assert sent.pk != running.pk


def test_an_organiser_sees_per_network_what_nobody_has_read_and_what_they_advise(client, world):
    from django.contrib.auth.models import Group

    world.organiser.groups.add(Group.objects.get(name=StaffRole.NETWORK_ORGANISER.value))
    for team, user in ((world.team_a, world.coordinator_a), (world.team_b, world.coordinator_b)):
        save_draft(
            team=team,
            task=world.status_task,
            user=user,
            sections={"done": "Prosjektplan"},
            bases={"done": ""},
        )
        submit(team=team, task=world.status_task, user=user)

    html = panel(client, world.organiser)

    assert "Østfold 2026–2028: 2 innleveringer som ingen har lest ennå" in html
    assert reverse("network:dashboard", args=[world.network.pk]) in html
    assert "venter på din gjennomgang" not in html  # advises no team

    # Advisors work on the site, not in the admin; an organiser may advise too.
    world.team_b.advisor = world.organiser
    world.team_b.save()
    html = panel(client, world.organiser)
    assert "1 innlevering fra teamene dine venter på din gjennomgang" in html
    assert reverse("network:review_queue") in html


def test_a_reviewer_sees_the_pages_waiting_for_approval(client, make_guide, staff_user):
    reviewer = staff_user(StaffRole.REVIEWER)
    editor = staff_user(StaffRole.EDITOR)
    guide = make_guide()
    guide.save_revision(user=editor)
    guide.get_workflow().start(guide, editor)

    html = panel(client, reviewer)

    assert "1 side venter på din godkjenning" in html
    assert 'href="#awaiting-review-section"' in html


def test_an_editor_with_nothing_waiting_is_told_so(client, staff_user):
    html = panel(client, staff_user(StaffRole.EDITOR))
    assert "Ingenting venter på deg nå." in html


def test_the_panel_runs_the_same_queries_for_one_or_many_cases(client, scheme, staff_user):
    office = staff_user(StaffRole.SCHEME_ADMINISTRATOR)
    running = active_relationship(scheme, office=office)
    claim(running, scheme.mentee)
    scheme_services.submit_application(application=complete_application(scheme), user=scheme.mentor)
    client.force_login(office)
    client.get("/admin/")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/admin/").status_code == 200
        return len(queries)

    few = count()
    for n in range(4):
        claim(running, scheme.mentee, amount=100 + n)  # four claims, not one sent four times
        scheme_services.submit_application(
            application=complete_application(scheme), user=scheme.mentor
        )
    assert count() == few
