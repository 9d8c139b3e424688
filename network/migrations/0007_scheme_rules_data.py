"""The mentor scheme's versions 1.0 (September 2024) and 2.0 (June 2025), from
the pilot report's appendices 1 and 2. Rows that already exist (an editor may
have entered them in the admin) are left as they are."""

import datetime

from django.db import migrations

VERSIONS = [
    {
        "version": "1.0",
        "valid_from": datetime.date(2024, 9, 1),
        "summary": (
            "Første versjon av mentorordningen, publisert september 2024. Påsitterpraksis "
            "ga 3 500 kr per uke (5 arbeidsdager) til mentor. Student på midlertidig lisens "
            "ga 20 000 kr for første måned, deretter 10 000 kr per måned i inntil to "
            "måneder (maks 40 000 kr). Nyutdannet eller uerfaren veterinær ga inntil "
            "40 000 kr per arbeidsforhold ved minst 6 ukers bakvakt. Mentorgodtgjørelsen "
            "skulle utgjøre minst 50 % av tilskuddet, og inntil 50 % kunne gå til bolig, "
            "bil, utstyr og forsikring. Det fantes ingen egne satser til mentee, og "
            "MentorVet var ikke en del av ordningen."
        ),
        "mentor_share_min_percent": 50,
        "flexible_share_max_percent": 50,
        "relationship_rules": {
            "student_placement": {"mentor_per_week": 3500},
            "temporary_licence": {
                "mentor_first_month": 20000,
                "mentor_following_month": 10000,
                "mentor_following_months_max": 2,
                "mentor_cap": 40000,
                "reverse_ride_along_min_weeks": 1,
                "employment_required": True,
            },
            "inexperienced_vet": {
                "mentor_cap": 40000,
                "backup_weeks_required": 6,
                "reverse_ride_along_min_weeks": 1,
            },
        },
        "course_fee_rules": {
            "insemination": {"price": 18000, "support_percent": 100, "support_cap": 18000},
            "ante_mortem": {"price": 3000, "means_tested": True},
            "animal_welfare": {"price": 4600, "means_tested": True},
        },
    },
    {
        "version": "2.0",
        "valid_from": datetime.date(2025, 6, 1),
        "summary": (
            "Andre versjon av mentorordningen, gjeldende fra juni 2025. Satsen for "
            "påsitterpraksis er økt til 4 000 kr per uke, og studenter kan søke om "
            "behovsprøvd bostøtte (inntil 2 500 kr per uke) og reisestøtte (inntil "
            "6 000 kr). Studenter på midlertidig lisens kan få bostøtte på inntil 5 000 kr "
            "per mentorforhold og reisestøtte på inntil 6 000 kr. Minst én uke omvendt "
            "påsitterpraksis er obligatorisk før mentee jobber, med praksisstipend på "
            "5 000 kr per uke. Bakvakt for ferdig autoriserte veterinærer er utvidet fra 6 "
            "til 8 uker. MentorVet er lagt til som samtalebasert mentorforhold. "
            "Inseminasjonskurs støttes med 75 %."
        ),
        "mentor_share_min_percent": None,
        "flexible_share_max_percent": None,
        "relationship_rules": {
            "student_placement": {
                "mentor_per_week": 4000,
                "mentee_housing_per_week": 2500,
                "mentee_travel_cap": 6000,
            },
            "temporary_licence": {
                "mentor_first_month": 20000,
                "mentor_following_month": 10000,
                "mentor_following_months_max": 2,
                "mentor_cap": 40000,
                "mentee_housing_per_relationship": 5000,
                "mentee_travel_cap": 6000,
                "practice_stipend_per_week": 5000,
                "reverse_ride_along_min_weeks": 1,
                "employment_required": True,
            },
            "inexperienced_vet": {
                "mentor_cap": 40000,
                "practice_stipend_per_week": 5000,
                "backup_weeks_required": 8,
                "reverse_ride_along_min_weeks": 1,
            },
            "mentorvet": {},
        },
        "course_fee_rules": {
            "insemination": {
                "price": 18000,
                "support_percent": 75,
                "support_cap": 13500,
                "min_employment_weeks": 6,
                "job_start_within_months": 6,
            },
            "ante_mortem": {"price": 3000, "means_tested": True},
            "animal_welfare": {"price": 4600, "means_tested": True},
        },
    },
]


def create_versions(apps, schema_editor):
    SchemeRules = apps.get_model("network", "SchemeRules")
    RelationshipRule = apps.get_model("network", "RelationshipRule")
    CourseFeeRule = apps.get_model("network", "CourseFeeRule")
    for spec in VERSIONS:
        rules, _created = SchemeRules.objects.get_or_create(
            version=spec["version"],
            defaults={
                "valid_from": spec["valid_from"],
                "summary": spec["summary"],
                "mentor_share_min_percent": spec["mentor_share_min_percent"],
                "flexible_share_max_percent": spec["flexible_share_max_percent"],
            },
        )
        for kind, values in spec["relationship_rules"].items():
            RelationshipRule.objects.get_or_create(rules=rules, kind=kind, defaults=values)
        for course, values in spec["course_fee_rules"].items():
            CourseFeeRule.objects.get_or_create(rules=rules, course=course, defaults=values)


def delete_versions(apps, schema_editor):
    SchemeRules = apps.get_model("network", "SchemeRules")
    SchemeRules.objects.filter(version__in=[spec["version"] for spec in VERSIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0006_scheme_rules"),
    ]

    operations = [
        migrations.RunPython(create_versions, delete_versions),
    ]
