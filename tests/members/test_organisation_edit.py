"""Organisation admins keep their profile up to date: permissions, bad input, logo uploads."""

import io
import urllib.request

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from core.images import rendition_name
from core.storage import walk
from members.models import Organisation
from tests.factories import UserFactory
from tests.members.conftest import png_bytes
from tests.members.factories import CompetencyFactory

pytestmark = pytest.mark.django_db


def edit_url(organisation):
    return reverse("members:organisation-edit", args=[organisation.slug])


def form_data(organisation, **changes):
    data = {
        "name": organisation.name,
        "kind": organisation.kind,
        "size_band": organisation.size_band,
        "siret": "73282932000074",
        "website": organisation.website,
        "address": "1 rue de la Paix",
        "postcode": organisation.postcode,
        "city": organisation.city,
        "country": "FR",
        "pitch_fr": organisation.pitch,
        "pitch_en": "",
        "description_fr": "",
        "description_en": "",
        "keywords": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_the_owner_edits_the_pitch_and_it_is_live_at_once(client, organisation, owner, markets):
    skill = CompetencyFactory(name_fr="Fabrication additive", name_en="Additive manufacturing")
    client.force_login(owner)
    assert client.get(edit_url(organisation)).status_code == 200
    response = client.post(
        edit_url(organisation),
        form_data(
            organisation,
            pitch_fr="Nouveau pitch tout neuf.",
            markets=[markets["electric"].pk],
            competencies=[skill.pk],
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == organisation.get_absolute_url()
    organisation.refresh_from_db()
    assert organisation.pitch == "Nouveau pitch tout neuf."
    assert list(organisation.markets.all()) == [markets["electric"]]
    assert "fabrication additive" in organisation.search_text
    assert (
        "Nouveau pitch tout neuf." in client.get(organisation.get_absolute_url()).content.decode()
    )


def test_each_edit_is_one_history_entry_with_its_author(client, organisation, owner, markets):
    before = organisation.history.count()
    client.force_login(owner)
    client.post(
        edit_url(organisation),
        form_data(organisation, pitch_fr="Version deux.", markets=[markets["hydrogen"].pk]),
    )
    assert organisation.history.count() == before + 1
    latest = organisation.history.first()
    assert latest.history_user == owner
    assert latest.pitch_fr == "Version deux."
    assert [m.market_id for m in latest.markets.all()] == [markets["hydrogen"].pk]


def test_staff_may_edit_any_profile(client, organisation, staff):
    client.force_login(staff)
    assert client.get(edit_url(organisation)).status_code == 200


def test_a_colleague_gets_403_even_with_a_forged_post(client, organisation, colleague):
    client.force_login(colleague)
    assert client.get(edit_url(organisation)).status_code == 403
    response = client.post(edit_url(organisation), form_data(organisation, pitch_fr="Piraté"))
    assert response.status_code == 403
    organisation.refresh_from_db()
    assert organisation.pitch != "Piraté"


def test_another_organisations_admin_gets_404_even_with_a_forged_post(
    client, organisation, outsider
):
    client.force_login(outsider)
    assert client.get(edit_url(organisation)).status_code == 404
    assert (
        client.post(edit_url(organisation), form_data(organisation, pitch_fr="X")).status_code
        == 404
    )
    organisation.refresh_from_db()
    assert organisation.pitch != "X"


def test_anonymous_people_are_sent_to_the_login_page(client, organisation):
    for response in (
        client.get(edit_url(organisation)),
        client.post(edit_url(organisation), form_data(organisation, pitch_fr="X")),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    organisation.refresh_from_db()
    assert organisation.pitch != "X"


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("siret", "73282932000075", "siret_checksum"),
        ("siret", "1234", "siret_format"),
        ("siret", "732 829 320 00075", "siret_checksum"),
        ("siret", "", None),
        ("website", "not a website", "invalid"),
        ("postcode", "99999", "postcode"),
        ("postcode", "ABC", "postcode"),
        ("postcode", "", None),
        ("pitch_fr", "x" * 301, "max_length"),
        # Countries are typed by name (core.countries.CountryField): "France" is fine.
        ("country", "Atlantide", "unknown"),
        ("country", "F1", "unknown"),
    ],
)
def test_bad_input_gets_a_field_error_and_nothing_is_saved(
    client, organisation, owner, field, value, code
):
    client.force_login(owner)
    changes = {"pitch_fr": "Changé", field: value}
    response = client.post(edit_url(organisation), form_data(organisation, **changes))
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()
    assert field in errors
    assert code in [error.code for error in errors[field]]
    assert 'class="invalid-feedback' in response.content.decode()
    assert len(errors[field]) == 1  # one clear message, not two
    organisation.refresh_from_db()
    assert organisation.pitch != "Changé"


def test_a_siret_copied_with_spaces_or_dots_is_accepted(client, organisation, owner):
    client.force_login(owner)
    for written in ("732 829 320 00074", "732.829.320.00074", " 73282932000074 "):
        data = form_data(organisation, siret=written)
        response = client.post(edit_url(organisation), data)
        assert response.status_code == 302, response.context["form"].errors
        organisation.refresh_from_db()
        assert organisation.siret == "73282932000074"


def test_laboratories_and_organisations_abroad_may_leave_the_siret_empty(
    client, organisation, owner
):
    client.force_login(owner)
    response = client.post(
        edit_url(organisation), form_data(organisation, siret="", kind=Organisation.Kind.LAB)
    )
    assert response.status_code == 302
    response = client.post(
        edit_url(organisation),
        form_data(organisation, siret="", country="DE", postcode="70173", city="Stuttgart"),
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert (organisation.region, organisation.department) == ("abroad", "")


def upload(name, content, content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_a_logo_is_stored_without_metadata_with_its_renditions(client, organisation, owner):
    image = Image.new("RGB", (600, 400), "#0b63a8")
    exif = Image.Exif()
    exif[0x010F] = "Appareil secret"  # camera maker
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    client.force_login(owner)
    response = client.post(
        edit_url(organisation),
        form_data(organisation, logo=upload("logo.jpg", buffer.getvalue(), "image/jpeg")),
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    storage = organisation.logo.storage
    with storage.open(organisation.logo.name) as file, Image.open(file) as stored:
        assert not stored.getexif()
    for width in (96, 240, 480):
        assert storage.exists(rendition_name(organisation.logo.name, width))


@pytest.mark.parametrize(
    ("upload_file", "code"),
    [
        (lambda: upload("logo.png", b"this is not an image"), "invalid_image"),
        (
            lambda: upload(
                "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "image/svg+xml"
            ),
            "svg",
        ),
        (lambda: upload("logo.png", b"\x89PNG" + b"0" * (5 * 1024 * 1024 + 10)), "too_large"),
        (lambda: upload("logo.png", png_bytes(8000, 6000, mode="1")), "too_many_pixels"),
    ],
    ids=["not-an-image", "svg", "over-5-mb", "over-40-megapixels"],
)
def test_a_bad_logo_is_refused_and_nothing_is_stored(
    client, organisation, owner, settings, upload_file, code
):
    client.force_login(owner)
    response = client.post(edit_url(organisation), form_data(organisation, logo=upload_file()))
    assert response.status_code == 200
    assert [error.code for error in response.context["form"].errors.as_data()["logo"]] == [code]
    organisation.refresh_from_db()
    assert not organisation.logo
    assert not list(walk(default_storage))


def test_a_stranger_cannot_reach_the_profile_of_an_organisation_they_do_not_know(client):
    client.force_login(UserFactory())
    assert client.get(reverse("members:organisation-edit", args=["nope"])).status_code == 404


def logo_objects(organisation) -> set[str]:
    name = organisation.logo.name
    return {name, *(rendition_name(name, width) for width in (96, 240, 480))}


@pytest.mark.s3
def test_on_s3_a_new_logo_replaces_the_old_objects_and_is_served_by_the_bucket(
    client, organisation, owner, s3, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            edit_url(organisation),
            form_data(organisation, logo=upload("logo.png", png_bytes(300, 200))),
        )
    organisation.refresh_from_db()
    first = logo_objects(organisation)
    assert s3.keys(s3.bucket) == first

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            edit_url(organisation),
            form_data(organisation, logo=upload("logo.png", png_bytes(300, 200, "#d94f00"))),
        )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert s3.keys(s3.bucket) == logo_objects(organisation)
    assert not first & logo_objects(organisation)

    page = client.get(organisation.get_absolute_url()).content.decode()
    address = default_storage.url(rendition_name(organisation.logo.name, 240))
    assert address.startswith(f"{s3.endpoint}/{s3.bucket}/logos/")
    assert address in page
    with urllib.request.urlopen(address, timeout=10) as served:  # noqa: S310 - test server
        assert served.headers["Content-Type"] == "image/webp"
