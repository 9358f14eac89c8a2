"""Former members archived before the date was recorded: their last change stands for it."""

from django.db import migrations
from django.db.models import F


def fill(apps, schema_editor):
    Organisation = apps.get_model("members", "Organisation")
    Organisation.objects.filter(membership_status="former", archived_at__isnull=True).update(
        archived_at=F("updated_at")
    )


def empty(apps, schema_editor):
    Organisation = apps.get_model("members", "Organisation")
    Organisation.objects.update(archived_at=None)


class Migration(migrations.Migration):

    dependencies = [
        ("members", "0011_organisation_archived_at"),
    ]

    operations = [migrations.RunPython(fill, empty)]
