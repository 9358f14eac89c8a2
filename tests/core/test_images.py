"""Uploaded images: rejected with a clear message when unsafe, cleaned and resized otherwise."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from content.models import Article
from core.images import MAX_UPLOAD_BYTES, rendition_name
from core.storage import walk

pytestmark = pytest.mark.django_db


def png_bytes(width=64, height=48, colour=(0, 122, 101)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (1200, 800), (20, 60, 120))
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    exif[0x8825] = {1: "N", 2: (47.0, 14.0, 0.0)}  # GPS info
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def post_article(client, cover, **extra):
    data = {
        "title_fr": "Article avec image",
        "slug": "article-avec-image",
        "kind": "news",
        "excerpt_fr": "Résumé",
        "body_fr": "Texte",
        "status": "draft",
        "published_at_0": "2026-01-05",
        "published_at_1": "10:00:00",
        "cover": cover,
        "cover_alt_fr": "Une photo de test",
        **extra,
    }
    return client.post("/admin/content/article/add/", data)


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile(
                "logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml"
            ),
            "Les fichiers SVG ne sont pas acceptés",
        ),
        (
            SimpleUploadedFile("notes.png", b"this is plain text, not a picture", "image/png"),
            "pas une image ou il est endommagé",
        ),
        (
            SimpleUploadedFile("big.png", png_bytes() + b"\0" * MAX_UPLOAD_BYTES, "image/png"),
            "5 Mo au maximum",
        ),
    ],
)
def test_unsafe_uploads_get_a_clear_error_and_nothing_is_stored(
    staff_client, settings, upload, message
):
    response = post_article(staff_client, upload)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Article.objects.exists()
    assert not list(walk(default_storage))


def test_images_over_forty_megapixels_are_refused(staff_client, settings):
    buffer = io.BytesIO()
    Image.new("1", (8000, 5100)).save(buffer, format="PNG")  # 40.8 megapixels, tiny file
    response = post_article(staff_client, SimpleUploadedFile("huge.png", buffer.getvalue()))
    assert "40 mégapixels au maximum" in response.content.decode()
    assert not Article.objects.exists()


def test_a_valid_photo_is_stored_without_metadata_with_renditions(staff_client, settings):
    response = post_article(staff_client, SimpleUploadedFile("photo.jpg", jpeg_with_gps()))
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get()
    with default_storage.open(article.cover.name) as stored, Image.open(stored) as image:
        assert image.format == "JPEG"
        assert not image.getexif()
    for width in (480, 960, 1600):
        rendition = default_storage.open(rendition_name(article.cover.name, width))
        with rendition, Image.open(rendition) as image:
            assert image.format == "WEBP"
            assert image.width == min(width, 1200)


def test_renditions_are_used_in_the_pages(client, staff_client, settings):
    post_article(
        staff_client, SimpleUploadedFile("photo.png", png_bytes(2000, 1000)), status="published"
    )
    article = Article.objects.get()
    html = client.get(article.get_absolute_url()).content.decode()
    assert rendition_name(article.cover.name, 960) in html
    assert "960w" in html
