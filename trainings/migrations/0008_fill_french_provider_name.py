from django.db import migrations
from django.db.models import F


def fill_french(apps, schema_editor):
    """The provider's name typed before it was translated becomes the French one."""
    TrainingProvider = apps.get_model("trainings", "TrainingProvider")
    TrainingProvider.objects.filter(name_fr__isnull=True).update(name_fr=F("name"))


def empty_french(apps, schema_editor):
    apps.get_model("trainings", "TrainingProvider").objects.update(name_fr=None)


class Migration(migrations.Migration):
    dependencies = [("trainings", "0007_provider_name_translated")]

    operations = [migrations.RunPython(fill_french, empty_french)]
