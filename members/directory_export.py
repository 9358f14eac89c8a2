"""The member directory as CSV: in the response for a short list, by a task and an email for
a long one (core.exports, ``EXPORT_SYNC_ROWS``)."""

from django.http import QueryDict
from django.utils.translation import gettext as _

from core.mail import absolute_url
from core.spreadsheets import SafeWriter
from members.filters import OrganisationFilter
from members.models import Organisation


def query_params(query: QueryDict) -> dict[str, list[str]]:
    """The filters of a request as plain JSON, for a task."""
    return {key: query.getlist(key) for key in query}


def filtered(params: dict[str, list[str]]):
    query = QueryDict(mutable=True)
    for key, values in params.items():
        query.setlist(key, values)
    return OrganisationFilter(query, Organisation.objects.in_directory()).qs


def write_directory(stream, params: dict[str, list[str]], *, bom: bool = True) -> int:
    """Write the directory filtered by ``params`` to ``stream``; returns the row count."""
    writer = SafeWriter(stream, bom=bom)
    writer.writerow(
        [
            _("Name"),
            _("Kind"),
            _("Size"),
            _("City"),
            _("Postcode"),
            _("Department"),
            _("Region"),
            _("Website"),
            _("Markets"),
            _("Competencies"),
            _("Member since"),
            _("Profile"),
        ]
    )
    rows = 0
    organisations = filtered(params).prefetch_related("markets", "competencies")
    for organisation in organisations.iterator(chunk_size=500):
        writer.writerow(
            [
                organisation.name,
                organisation.get_kind_display(),
                organisation.get_size_band_display(),
                organisation.city,
                organisation.postcode,
                organisation.department,
                organisation.get_region_display(),
                organisation.website,
                ", ".join(market.name for market in organisation.markets.all()),
                ", ".join(c.name for c in organisation.competencies.all()),
                organisation.member_since.isoformat() if organisation.member_since else "",
                absolute_url(organisation.get_absolute_url()),
            ]
        )
        rows += 1
    return rows
