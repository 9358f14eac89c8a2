from django.db import migrations
from django.db.models import F


def fill_french(apps, schema_editor):
    """Text typed before these fields were translated becomes the French (default) one."""
    Session = apps.get_model("trainings", "Session")
    Session.objects.filter(venue_fr__isnull=True).update(venue_fr=F("venue"))
    TrainingProvider = apps.get_model("trainings", "TrainingProvider")
    TrainingProvider.objects.filter(qualiopi_certificate_fr__isnull=True).update(
        qualiopi_certificate_fr=F("qualiopi_certificate")
    )


def empty_french(apps, schema_editor):
    apps.get_model("trainings", "Session").objects.update(venue_fr=None)
    apps.get_model("trainings", "TrainingProvider").objects.update(qualiopi_certificate_fr=None)


class Migration(migrations.Migration):
    dependencies = [("trainings", "0003_venue_and_certificate_translated")]

    operations = [migrations.RunPython(fill_french, empty_french)]
