"""Demo content of the insights app for ``manage.py load_demo`` (idempotent): a few
organisations that joined recently and a few that left (``demo/organisations.toml``), so that
the members' charts show movement. Former members are archived on the day written in the
file and hidden from the directory."""

import datetime as dt

from core.demo import PARIS, read, upsert, when
from members.models import Organisation


def load(*, scale: int = 0, log=print) -> None:
    joined = left_count = 0
    for record in read("insights", "organisations")["organisation"]:
        record = dict(record)
        left = when(record.pop("left", None)) if "left" in record else None
        slug = record.pop("slug")
        since = when(record.pop("member_since"))
        values = {
            **record,
            "member_since": since,
            "paid_until": None if left else since.replace(month=12, day=31),
            "membership_status": (
                Organisation.Status.FORMER if left else Organisation.Status.ACTIVE
            ),
            "is_public": not left,
        }
        if values["paid_until"] is not None and values["paid_until"] < since:
            values["paid_until"] = since
        organisation = upsert(Organisation, {"slug": slug}, values)
        if left:
            Organisation.objects.filter(pk=organisation.pk).update(
                archived_at=dt.datetime.combine(left, dt.time(12), tzinfo=PARIS)
            )
            left_count += 1
        else:
            joined += 1
    log(f"insights: {joined} recent members, {left_count} former members")
