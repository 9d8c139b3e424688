"""The hourly django-q2 schedule that passes on Finn mentor requests whose
answer time has run out (network.scheme.matching.tasks)."""

from django.db import migrations

FUNC = "network.scheme.matching.tasks.pass_on_overdue_requests_task"


def create_schedule(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.get_or_create(
        func=FUNC,
        defaults={
            "name": "Finn mentor: send forespørsler videre",
            "schedule_type": "H",
            "repeats": -1,
        },
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(func=FUNC).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0018_finn_board_freshness_schedule"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
