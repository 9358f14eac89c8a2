"""Covers (core.models.WithCover): the focal point is checked by the database, the stored
files follow the cover, pages draw it with srcset, sizes and a text alternative, and bad
uploads are refused with a message next to the field, in the admin and on the member's
edit page."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from PIL import Image

from content.models import Article
from core.images import crop_box, crop_name, rendition_name
from core.models import COVER_RENDITIONS, SOCIAL_IMAGE_SIZE
from networks.models import Partner
from projects.models import Project
from tests.factories import ArticleFactory, MarketFactory
from tests.members.factories import OrganisationFactory
from tests.networks.factories import PartnerFactory
from tests.projects.factories import ProjectFactory, admin_of
from tests.trainings.factories import TrainingFactory

pytestmark = pytest.mark.django_db


def png(width=1000, height=500, colour=(20, 69, 122)) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", (width, height), colour)
    # A white mark on the right third, to see where crops are cut.
    image.paste((255, 255, 255), (width * 2 // 3, 0, width, height))
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def stored_files(name: str) -> list[str]:
    return [
        name,
        *(rendition_name(name, width) for width in COVER_RENDITIONS),
        crop_name(name, SOCIAL_IMAGE_SIZE),
    ]


def with_cover(row, *, alt="Une voiture en charge", **focal):
    row.cover = ContentFile(png(), name="cover.png")
    row.cover_alt = alt
    for field, value in focal.items():
        setattr(row, field, value)
    row.save()
    return row


@pytest.mark.parametrize(
    ("field", "value"),
    [("cover_focal_x", 101), ("cover_focal_y", 250), ("cover_focal_x", -1)],
)
@pytest.mark.parametrize("factory", [ArticleFactory, PartnerFactory, TrainingFactory])
def test_the_database_refuses_a_focal_point_outside_the_picture(factory, field, value):
    row = factory()
    with pytest.raises(IntegrityError), transaction.atomic():
        type(row).objects.filter(pk=row.pk).update(**{field: value})


def test_the_form_refuses_a_focal_point_outside_the_picture():
    article = ArticleFactory()
    article.cover_focal_x = 120
    with pytest.raises(Exception, match="100"):
        article.full_clean()


def test_a_cover_is_stored_with_its_renditions_and_a_social_crop_around_the_focal_point():
    article = with_cover(ArticleFactory(), cover_focal_x=100, cover_focal_y=50)
    name = article.cover.name
    assert name.startswith("covers/article/")
    assert all(default_storage.exists(stored) for stored in stored_files(name))
    assert article.social_image == default_storage.url(crop_name(name, SOCIAL_IMAGE_SIZE))
    with default_storage.open(crop_name(name, SOCIAL_IMAGE_SIZE)) as handle:
        crop = Image.open(handle)
        crop.load()
    assert crop.size == SOCIAL_IMAGE_SIZE
    # Cut at the right edge (focal point 100 %): the white third fills its right part.
    assert crop.convert("RGB").getpixel((1190, 300)) > (240, 240, 240)
    assert crop.convert("RGB").getpixel((10, 300))[2] < 200


def test_moving_the_focal_point_cuts_the_crop_again():
    article = with_cover(ArticleFactory(), cover_focal_x=0)
    crop = crop_name(article.cover.name, SOCIAL_IMAGE_SIZE)
    with default_storage.open(crop) as handle:
        before = handle.read()
    article = Article.objects.get(pk=article.pk)
    article.cover_focal_x = 100
    article.save()
    with default_storage.open(crop) as handle:
        assert handle.read() != before


def test_replacing_or_clearing_a_cover_deletes_the_old_files_after_commit(
    django_capture_on_commit_callbacks,
):
    article = with_cover(ArticleFactory())
    first = article.cover.name
    with django_capture_on_commit_callbacks(execute=True):
        article = Article.objects.get(pk=article.pk)
        with_cover(article)
    second = article.cover.name
    assert second != first
    assert not any(default_storage.exists(stored) for stored in stored_files(first))
    assert all(default_storage.exists(stored) for stored in stored_files(second))

    with django_capture_on_commit_callbacks(execute=True):
        article = Article.objects.get(pk=article.pk)
        article.cover = ""
        article.save()
    assert not any(default_storage.exists(stored) for stored in stored_files(second))
    assert Article.objects.get(pk=article.pk).social_image == ""


def test_a_rolled_back_replacement_keeps_the_files_in_use():
    article = with_cover(ArticleFactory())
    first = article.cover.name
    with pytest.raises(RuntimeError), transaction.atomic():
        with_cover(Article.objects.get(pk=article.pk))
        raise RuntimeError("rolled back")
    assert all(default_storage.exists(stored) for stored in stored_files(first))


@pytest.mark.parametrize(
    ("focal", "box"),
    [((50, 50), (0, 0, 1000, 525)), ((100, 100), (0, 0, 1000, 525))],
)
def test_a_crop_stays_inside_the_picture(focal, box):
    # 1000 × 525 is already 1200 × 630's shape: the whole picture, wherever the focal point.
    assert crop_box(1000, 525, (1200, 630), focal) == box


def test_a_wide_picture_is_cut_around_the_focal_point():
    assert crop_box(2000, 500, (1200, 630), (100, 50)) == (1048, 0, 2000, 500)
    assert crop_box(2000, 500, (1200, 630), (0, 50)) == (0, 0, 952, 500)
    assert crop_box(2000, 500, (1200, 630), (50, 50)) == (524, 0, 1476, 500)


def test_the_position_classes_round_the_focal_point():
    article = Article(cover_focal_x=33, cover_focal_y=98)
    assert article.cover_position_class == "focal-x-35 focal-y-100"


def test_an_item_without_cover_shares_no_image():
    assert ArticleFactory().social_image == ""


def test_pages_draw_the_cover_with_srcset_sizes_and_its_description(client):
    article = with_cover(ArticleFactory(), alt="Une borne de recharge", cover_focal_x=30)
    detail = client.get(article.get_absolute_url()).content.decode()
    assert 'class="cover cover-hero focal-x-30 focal-y-50"' in detail
    assert 'alt="Une borne de recharge"' in detail
    assert 'width="1600" height="900"' in detail
    assert 'fetchpriority="high"' in detail
    for width in COVER_RENDITIONS:
        assert f"{rendition_name(article.cover.name, width).split('/')[-1]} {width}w" in detail

    listing = client.get(reverse("content:article-list")).content.decode()
    card = listing[listing.index('class="card-img-top cover') :].split(">", 1)[0]
    assert 'loading="lazy"' in card
    assert 'width="480" height="270"' in card
    assert 'alt="Une borne de recharge"' in card
    assert "srcset=" in card


@pytest.mark.parametrize(
    ("factory", "url_of"),
    [
        (lambda: ProjectFactory(), lambda p: p.get_absolute_url()),
        (lambda: TrainingFactory(), lambda t: t.get_absolute_url()),
        (lambda: PartnerFactory(), lambda p: p.get_absolute_url()),
        (lambda: MarketFactory(), lambda m: m.get_absolute_url()),
    ],
)
def test_every_kind_of_content_shows_its_cover(client, factory, url_of):
    row = with_cover(factory(), alt="Un dessin du portail")
    html = client.get(url_of(row)).content.decode()
    assert rendition_name(row.cover.name, 960).split("/")[-1] in html
    assert 'alt="Un dessin du portail"' in html


def admin_partner_data(partner, **changes):
    data = {
        "name_fr": partner.name,
        "slug": partner.slug,
        "kind": partner.kind,
        "country": "FR",
        "summary_fr": partner.summary,
        "order": 0,
        "status": "published",
        "published_at_0": "2026-01-05",
        "published_at_1": "10:00:00",
        "cover_focal_x": 50,
        "cover_focal_y": 50,
    }
    return {**data, **changes}


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        (
            {"cover": SimpleUploadedFile("not-an-image.png", b"plain text", "image/png")},
            "cover",
            "invalid_image",
        ),
        ({"cover": SimpleUploadedFile("drawing.svg", b"<svg/>", "image/svg+xml")}, "cover", "svg"),
        ({"cover": SimpleUploadedFile("photo.png", png(), "image/png")}, "cover", "no_description"),
        ({"cover_focal_y": 140}, "cover_focal_y", "max_value"),
    ],
)
def test_staff_get_a_clear_error_for_a_bad_cover(staff_client, changes, field, code):
    partner = PartnerFactory()
    response = staff_client.post(
        reverse("admin:networks_partner_change", args=[partner.pk]),
        admin_partner_data(partner, **changes),
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors.as_data()
    assert [error.code for error in errors[field]] == [code]
    # Shown next to the field it is about.
    html = response.content.decode()
    row = html[html.index(f"field-{field}") :].split('<div class="form-row', 1)[0]
    assert "errorlist" in row
    assert not Partner.objects.get(pk=partner.pk).cover


def test_staff_set_a_cover_with_its_description_and_focal_point(staff_client):
    partner = PartnerFactory()
    response = staff_client.post(
        reverse("admin:networks_partner_change", args=[partner.pk]),
        admin_partner_data(
            partner,
            cover=SimpleUploadedFile("photo.png", png(), "image/png"),
            cover_alt_fr="Le siège du partenaire",
            cover_focal_x=20,
        ),
    )
    assert response.status_code == 302
    partner = Partner.objects.get(pk=partner.pk)
    assert partner.cover_alt == "Le siège du partenaire"
    assert partner.cover_focal_x == 20
    assert all(default_storage.exists(stored) for stored in stored_files(partner.cover.name))


def project_edit_data(project, **changes):
    data = {
        "acronym": project.acronym,
        "title": project.title,
        "summary": project.summary,
        "markets": [MarketFactory().pk],
        "programme": project.programme_id,
        "total_budget": 1000,
        "public_funding": 0,
        "visibility": project.visibility,
        "cover_focal_x": 50,
        "cover_focal_y": 50,
    }
    return {**data, **changes}


@pytest.fixture
def coordinator_project(client):
    coordinator = OrganisationFactory()
    client.force_login(admin_of(coordinator))
    return ProjectFactory(coordinator=coordinator)


def test_the_coordinator_uploads_a_cover_on_the_edit_page(client, coordinator_project):
    project = coordinator_project
    url = reverse("projects:project-edit", args=[project.slug])
    assert 'enctype="multipart/form-data"' in client.get(url).content.decode()
    response = client.post(
        url,
        project_edit_data(
            project,
            cover=SimpleUploadedFile("bench.png", png(), "image/png"),
            cover_alt="Le banc d'essai du projet",
            cover_focal_y=30,
        ),
    )
    assert response.status_code == 302
    project = Project.objects.get(pk=project.pk)
    assert project.cover_alt == "Le banc d'essai du projet"
    assert all(default_storage.exists(stored) for stored in stored_files(project.cover.name))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {
                "cover": SimpleUploadedFile("notes.png", b"not a picture", "image/png"),
                "cover_alt": "Du texte",
            },
            "is not an image or it is damaged",
        ),
        (
            {"cover": SimpleUploadedFile("bench.png", png(), "image/png")},
            "Describe this image in the cover description",
        ),
        ({"cover_focal_x": 101}, "less than or equal to 100"),
    ],
)
def test_the_coordinator_gets_a_clear_error_for_a_bad_cover(
    client, coordinator_project, in_english, changes, message
):
    project = coordinator_project
    response = client.post(
        reverse("projects:project-edit", args=[project.slug]),
        project_edit_data(project, **changes),
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Project.objects.get(pk=project.pk).cover


def test_a_french_only_cover_description_is_marked_french_on_english_pages(client):
    article = with_cover(ArticleFactory(), alt="Une borne de recharge")
    Article.objects.filter(pk=article.pk).update(cover_alt_en="")
    english = client.get("/en" + article.get_absolute_url()).content.decode()
    assert 'alt="Une borne de recharge" lang="fr"' in english
    Article.objects.filter(pk=article.pk).update(cover_alt_en="A charging point")
    english = client.get("/en" + article.get_absolute_url()).content.decode()
    assert 'alt="A charging point"' in english and 'alt="A charging point" lang' not in english
    french = client.get(article.get_absolute_url()).content.decode()
    assert 'alt="Une borne de recharge" width=' in french


def test_the_demo_illustrations_describe_themselves_in_both_languages():
    from core.demo import illustrate, read

    described = read("core", "illustrations")["illustrations"]
    assert all(details["alt"] and details["alt_en"] for details in described.values())
    article, project = ArticleFactory(), ProjectFactory()
    assert illustrate([article], kind="article") == 1
    assert illustrate([project], kind="project") == 1
    article.refresh_from_db()
    project.refresh_from_db()
    assert article.cover_alt_fr == described["article"]["alt"]
    assert article.cover_alt_en == described["article"]["alt_en"]
    assert project.cover_alt == described["project"]["alt"]
