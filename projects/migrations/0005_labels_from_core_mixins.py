"""Labels only: the timestamps and decisions now come from core.models.Timestamped and
Decided, whose labels are "created", "updated", "decided" and "decided by"."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('projects', '0004_alter_externalpartner_country_and_more'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicalpartnersearch',
            name='created_at',
            field=models.DateTimeField(blank=True, editable=False, verbose_name='created'),
        ),
        migrations.AlterField(
            model_name='partnersearch',
            name='created_at',
            field=models.DateTimeField(auto_now_add=True, verbose_name='created'),
        ),
    ]
