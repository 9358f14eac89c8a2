"""The history of organisations and platforms keeps the French and English columns only:
the untranslated column beside them repeats one of the two languages (0008 copied its
content to the French column first)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("members", "0008_fill_french_texts")]

    operations = [
        migrations.RemoveField(
            model_name='historicalorganisation',
            name='description',
        ),
        migrations.RemoveField(
            model_name='historicalorganisation',
            name='pitch',
        ),
        migrations.RemoveField(
            model_name='historicalplatform',
            name='description',
        ),
        migrations.RemoveField(
            model_name='historicalplatform',
            name='summary',
        ),
    ]
