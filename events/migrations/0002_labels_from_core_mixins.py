"""Labels only: the timestamps and decisions now come from core.models.Timestamped and
Decided, whose labels are "created", "updated", "decided" and "decided by"."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='registration',
            name='updated_at',
            field=models.DateTimeField(auto_now=True, verbose_name='updated'),
        ),
    ]
