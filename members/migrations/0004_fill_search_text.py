"""Fill the derived search and sort columns of the organisations that existed before them."""

import unicodedata

from django.db import migrations

LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


def fold(text):
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(LIGATURES))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.lower().split())


def fill(apps, schema_editor):
    Organisation = apps.get_model("members", "Organisation")
    changed = []
    for organisation in Organisation.objects.prefetch_related("competencies"):
        competencies = [
            name for c in organisation.competencies.all() for name in (c.name_fr, c.name_en)
        ]
        organisation.sort_name = fold(organisation.name)[:200]
        organisation.search_text = fold(
            " ".join(
                part
                for part in [
                    organisation.name,
                    organisation.pitch,
                    organisation.pitch_en,
                    organisation.description,
                    organisation.description_en,
                    organisation.keywords.replace(",", " "),
                    organisation.city,
                    *competencies,
                ]
                if part
            )
        )
        changed.append(organisation)
    Organisation.objects.bulk_update(changed, ["search_text", "sort_name"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("members", "0003_search_postgres")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
