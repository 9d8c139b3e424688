"""The django-q2 schedule that keeps Finn mentor's listings fresh: once a day,
listed people are asked to confirm, and listings left unconfirmed are hidden
(network.scheme.matching.tasks)."""

from django.db import migrations

FUNC = "network.scheme.matching.tasks.keep_listings_fresh_task"


def create_schedule(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.get_or_create(
        func=FUNC,
        defaults={
            "name": "Finn mentor: bekreft oppføringer",
            "schedule_type": "D",
            "repeats": -1,
        },
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(func=FUNC).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0017_finn_mentor"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
