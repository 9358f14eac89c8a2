"""Demo partners of `manage.py load_demo`: the cluster's two networks, its two regions as
funders, and fictional clusters, a school and an association, read from
networks/demo/partners.toml. Each is keyed on its slug, so loading twice updates the same
rows."""

from core.demo import illustrate, read, when
from core.demo import load as load_records
from networks.models import Partner

_DATA = read("networks", "partners")
PARTNERS = _DATA["partner"]


def load(*, scale: int, log) -> None:
    records = [{**_DATA["all"], **partner} for partner in PARTNERS]
    partners = load_records(Partner, records, key="slug", convert={"published_at": when})
    drawn = illustrate(partners.values(), kind="partner")
    log(f"networks: {len(PARTNERS)} partners, {drawn} covers drawn")
