"""Copy the French texts of organisations and platforms, and of their history, into the
``_fr`` columns that django-modeltranslation reads (0007 added them). The English
columns already hold the English texts.

Backwards, the French texts go back to the untranslated columns, and missing texts become
empty strings again, so that 0007 can make those columns NOT NULL once more.
"""

from django.db import migrations
from django.db.models import F

# model name -> the translated fields it has
TRANSLATED = {
    "Organisation": ["pitch", "description"],
    "HistoricalOrganisation": ["pitch", "description"],
    "Platform": ["summary", "description"],
    "HistoricalPlatform": ["summary", "description"],
}


def copy_to_french(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        model = apps.get_model("members", model_name)
        model.objects.update(**{f"{field}_fr": F(field) for field in fields})


def copy_back_from_french(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        model = apps.get_model("members", model_name)
        for field in fields:
            model.objects.filter(**{f"{field}_fr__isnull": False}).update(
                **{field: F(f"{field}_fr")}
            )
            for column in (field, f"{field}_en"):
                model.objects.filter(**{f"{column}__isnull": True}).update(**{column: ""})


class Migration(migrations.Migration):
    dependencies = [("members", "0007_translated_texts")]

    operations = [migrations.RunPython(copy_to_french, copy_back_from_french)]
