"""Enable PostgreSQL's unaccent extension, used for accent-insensitive search.

On PostgreSQL the database role needs the right to create extensions (or the extension
must already exist). On SQLite this migration does nothing.
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("content", "0001_initial")]

    operations = [UnaccentExtension()]
