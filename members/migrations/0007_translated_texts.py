"""The French and English texts of organisations and platforms become django-modeltranslation
fields (see members/translation.py): new ``pitch_fr``/``description_fr``/``summary_fr``
columns beside the existing English ones, which keep their data and become nullable like
every translation column. 0008 copies the French texts over; 0009 drops the untranslated
columns from the history tables, which this migration makes nullable first so that 0009
can be reversed.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("members", "0006_search_vector_trigger")]

    operations = [
        migrations.AddField(
            model_name='historicalorganisation',
            name='description_fr',
            field=models.TextField(blank=True, help_text='Markdown.', null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='historicalorganisation',
            name='pitch_fr',
            field=models.CharField(max_length=300, null=True, verbose_name='short pitch'),
        ),
        migrations.AddField(
            model_name='historicalplatform',
            name='description_fr',
            field=models.TextField(blank=True, help_text='Markdown.', null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='historicalplatform',
            name='summary_fr',
            field=models.CharField(max_length=300, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='description_fr',
            field=models.TextField(blank=True, help_text='Markdown.', null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='pitch_fr',
            field=models.CharField(max_length=300, null=True, verbose_name='short pitch'),
        ),
        migrations.AddField(
            model_name='platform',
            name='description_fr',
            field=models.TextField(blank=True, help_text='Markdown.', null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='platform',
            name='summary_fr',
            field=models.CharField(max_length=300, null=True, verbose_name='summary'),
        ),
        migrations.AlterField(
            model_name='historicalorganisation',
            name='description_en',
            field=models.TextField(blank=True, help_text='Markdown.', null=True, verbose_name='description'),
        ),
        migrations.AlterField(
            model_name='historicalorganisation',
            name='pitch_en',
            field=models.CharField(max_length=300, null=True, verbose_name='short pitch'),
        ),
        migrations.AlterField(
            model_name='historicalplatform',
            name='description_en',
            field=models.TextField(blank=True, help_text='Markdown.', null=True, verbose_name='description'),
        ),
        migrations.AlterField(
            model_name='historicalplatform',
            name='summary_en',
            field=models.CharField(max_length=300, null=True, verbose_name='summary'),
        ),
        migrations.AlterField(
            model_name='organisation',
            name='description_en',
            field=models.TextField(blank=True, help_text='Markdown.', null=True, verbose_name='description'),
        ),
        migrations.AlterField(
            model_name='organisation',
            name='pitch_en',
            field=models.CharField(max_length=300, null=True, verbose_name='short pitch'),
        ),
        migrations.AlterField(
            model_name='platform',
            name='description_en',
            field=models.TextField(blank=True, help_text='Markdown.', null=True, verbose_name='description'),
        ),
        migrations.AlterField(
            model_name='platform',
            name='summary_en',
            field=models.CharField(max_length=300, null=True, verbose_name='summary'),
        ),
            migrations.AlterField(
            model_name="historicalorganisation",
            name="pitch",
            field=models.CharField(max_length=300, null=True, verbose_name="short pitch"),
        ),
        migrations.AlterField(
            model_name="historicalorganisation",
            name="description",
            field=models.TextField(
                blank=True, help_text="Markdown.", null=True, verbose_name="description"
            ),
        ),
        migrations.AlterField(
            model_name="historicalplatform",
            name="summary",
            field=models.CharField(max_length=300, null=True, verbose_name="summary"),
        ),
        migrations.AlterField(
            model_name="historicalplatform",
            name="description",
            field=models.TextField(
                blank=True, help_text="Markdown.", null=True, verbose_name="description"
            ),
        ),
    ]
