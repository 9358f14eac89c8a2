"""Seed the staff-editable list of funding programmes (staff may rename, reorder or retire
them afterwards; the reverse operation removes only those no project or call uses)."""

from django.db import migrations

PROGRAMMES = [
    ("france-2030-i-demo", "national", "Bpifrance", "France 2030 – i-Démo", "France 2030 – i-Démo"),
    (
        "france-2030-i-demo-regionalise",
        "regional",
        "Bpifrance et Régions",
        "France 2030 – i-Démo régionalisé",
        "France 2030 – regional i-Démo",
    ),
    ("pspc-regions", "regional", "Bpifrance et Régions", "PSPC-Régions (ex-FUI)", "PSPC-Régions (formerly FUI)"),
    ("i-nov", "national", "ADEME / Bpifrance", "Concours d'innovation i-Nov", "i-Nov innovation contest"),
    ("anr", "national", "ANR", "ANR – recherche collaborative", "ANR – collaborative research"),
    ("horizon-europe", "european", "Commission européenne", "Horizon Europe", "Horizon Europe"),
    (
        "fonds-regionaux-bfc",
        "regional",
        "Région Bourgogne-Franche-Comté",
        "Fonds régionaux Bourgogne-Franche-Comté",
        "Bourgogne-Franche-Comté regional funds",
    ),
    (
        "fonds-regionaux-grand-est",
        "regional",
        "Région Grand Est",
        "Fonds régionaux Grand Est",
        "Grand Est regional funds",
    ),
    (
        "aide-innovation-bpifrance",
        "national",
        "Bpifrance",
        "Aide pour l'innovation Bpifrance",
        "Bpifrance innovation aid",
    ),
    ("autre", "other", "", "Autre financement", "Other funding"),
]


def seed(apps, schema_editor):
    FundingProgramme = apps.get_model("projects", "FundingProgramme")
    for order, (slug, scope, funder, name_fr, name_en) in enumerate(PROGRAMMES, start=1):
        FundingProgramme.objects.get_or_create(
            slug=slug,
            defaults={
                "scope": scope,
                "funder": funder,
                "name": name_fr,
                "name_fr": name_fr,
                "name_en": name_en,
                "order": order,
            },
        )


def unseed(apps, schema_editor):
    FundingProgramme = apps.get_model("projects", "FundingProgramme")
    FundingProgramme.objects.filter(
        slug__in=[programme[0] for programme in PROGRAMMES],
        projects__isnull=True,
        calls__isnull=True,
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("projects", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
