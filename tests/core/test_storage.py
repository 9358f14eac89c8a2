"""Storages: disk by default, S3-compatible buckets by environment; image files follow rows.

The tests marked ``s3`` run against a real S3 server (moto in server mode, see the ``s3``
fixture in tests/conftest.py) and look at the buckets from outside the portal.
"""

import io
import urllib.error
import urllib.request

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage, storages
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image

from content.models import Article
from core.images import crop_name, rendition_name
from core.storage import (
    PrivateFileSystemStorage,
    private_storage,
    s3_public_origins,
    s3_storages,
    walk,
)

pytestmark = pytest.mark.django_db

COVER_WIDTHS = (480, 960, 1600)


def jpeg(colour="#0b63a8", size=(1000, 600)) -> ContentFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="JPEG")
    return ContentFile(buffer.getvalue(), name="photo.jpg")


def article_with_cover(slug="couverture") -> Article:
    return Article.objects.create(
        title="Avec couverture", slug=slug, excerpt="Résumé", body="Texte", cover=jpeg()
    )


def stored_names(article) -> set[str]:
    name = article.cover.name
    renditions = {rendition_name(name, width) for width in COVER_WIDTHS}
    return {name, *renditions, crop_name(name, (1200, 630))}


def fetch(url: str):
    """An unsigned GET from outside the portal (what a browser does)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - test server
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, b"", error.headers


def test_by_default_files_are_on_the_disk_and_private_ones_have_no_address(settings):
    assert isinstance(storages["default"], FileSystemStorage)
    assert isinstance(private_storage(), PrivateFileSystemStorage)
    name = private_storage().save("exports/liste.csv", ContentFile(b"a;b\n"))
    assert private_storage().exists(name)
    assert not default_storage.exists(name)
    with pytest.raises(ValueError):
        private_storage().url(name)


def test_object_storage_needs_a_second_bucket_for_private_files():
    with pytest.raises(ImproperlyConfigured, match="S3_PRIVATE_BUCKET"):
        s3_storages(bucket="media", private_bucket="")
    with pytest.raises(ImproperlyConfigured, match="S3_PRIVATE_BUCKET"):
        s3_storages(bucket="media", private_bucket="media")


def test_a_public_base_address_serves_the_public_media(settings):
    settings.STORAGES = s3_storages(
        bucket="media",
        private_bucket="media-private",
        endpoint_url="http://127.0.0.1:9",
        public_url="https://media.portal.example/files/",
        access_key="key",
        secret_key="secret",
    )
    assert default_storage.url("logos/a.png") == "https://media.portal.example/files/logos/a.png"
    # The private storage keeps signed addresses on the endpoint, never the public base.
    assert "Signature=" in private_storage().url("projects/1/a.pdf")


def test_image_files_follow_the_row_on_the_disk(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = article_with_cover()
    first = stored_names(article)
    assert set(walk(default_storage)) == first

    with django_capture_on_commit_callbacks(execute=True):
        article = Article.objects.get(pk=article.pk)
        article.cover = jpeg("#d94f00")
        article.save()
    assert set(walk(default_storage)) == stored_names(article)
    assert not first & stored_names(article)

    with django_capture_on_commit_callbacks(execute=True):
        Article.objects.get(pk=article.pk).delete()
    assert list(walk(default_storage)) == []


def test_a_rolled_back_replacement_keeps_the_old_files(django_capture_on_commit_callbacks):
    article = article_with_cover()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article = Article.objects.get(pk=article.pk)
        article.cover = ""
        article.save()
    assert callbacks  # the deletion waits for the commit, which does not happen here
    assert all(default_storage.exists(name) for name in stored_names(article_with_cover("b")))


@pytest.mark.s3
def test_private_storage_follows_the_storages_setting(s3):
    storage = private_storage()
    assert storage.bucket_name == s3.private_bucket
    assert storages["default"].bucket_name == s3.bucket


@pytest.mark.s3
def test_upload_writes_the_image_and_its_renditions_to_the_bucket(
    s3, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = article_with_cover()

    assert s3.keys(s3.bucket) == stored_names(article)
    assert s3.keys(s3.private_bucket) == set()
    url = default_storage.url(rendition_name(article.cover.name, 480))
    assert url.startswith(f"{s3.endpoint}/{s3.bucket}/covers/article/")
    assert "Signature" not in url
    status, body, headers = fetch(url)
    assert status == 200
    assert headers["Content-Type"] == "image/webp"
    with Image.open(io.BytesIO(body)) as image:
        assert image.format == "WEBP" and image.width == 480


@pytest.mark.s3
def test_replacing_and_deleting_an_image_removes_its_objects(
    s3, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = article_with_cover()
    old = stored_names(article)

    with django_capture_on_commit_callbacks(execute=True):
        article = Article.objects.get(pk=article.pk)
        article.cover = jpeg("#d94f00")
        article.save()
    assert s3.keys(s3.bucket) == stored_names(article)
    assert not old & s3.keys(s3.bucket)

    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    assert s3.keys(s3.bucket) == set()


@pytest.mark.s3
def test_private_objects_have_no_public_address(s3):
    name = private_storage().save("exports/liste.csv", ContentFile(b"a;b\n"))

    assert s3.keys(s3.private_bucket) == {name}
    status, _, _ = fetch(f"{s3.endpoint}/{s3.private_bucket}/{name}")
    assert status == 403
    status, body, _ = fetch(private_storage().url(name))
    assert (status, body) == (200, b"a;b\n")


@pytest.mark.s3
def test_walk_lists_every_object_of_a_bucket(s3):
    for name in ("a.txt", "logos/b.png", "logos/2026/c.png"):
        default_storage.save(name, ContentFile(b"x"))
    assert list(walk(default_storage)) == ["a.txt", "logos/b.png", "logos/2026/c.png"]


@pytest.mark.s3
def test_create_buckets_makes_a_readable_public_bucket_and_a_closed_private_one(
    s3_server, settings
):
    settings.S3_BUCKET = "media-new"
    settings.STORAGES = s3_storages(
        bucket="media-new",
        private_bucket="media-new-private",
        endpoint_url=s3_server,
        region="eu-west-3",
        access_key="test-key",
        secret_key="test-secret",
    )
    call_command("create_buckets", stdout=io.StringIO())
    call_command("create_buckets", stdout=io.StringIO())  # safe to run again

    public = default_storage.save("logos/a.txt", ContentFile(b"public"))
    private = private_storage().save("exports/b.txt", ContentFile(b"private"))
    assert fetch(default_storage.url(public))[:2] == (200, b"public")
    assert fetch(f"{s3_server}/media-new-private/{private}")[0] == 403


def test_create_buckets_needs_s3(settings):
    settings.S3_BUCKET = ""
    with pytest.raises(CommandError, match="S3_BUCKET is empty"):
        call_command("create_buckets")


@pytest.mark.parametrize(
    ("place", "origins"),
    [
        (
            {"public_url": "https://media.portal.example/files", "endpoint_url": "http://s3:9000"},
            ["https://media.portal.example"],
        ),
        ({"endpoint_url": "https://s3.fr-par.scw.cloud"}, ["https://s3.fr-par.scw.cloud"]),
        (
            {"region": "eu-west-3"},
            [
                "https://media.s3.amazonaws.com",
                "https://s3.amazonaws.com",
                "https://media.s3.eu-west-3.amazonaws.com",
                "https://s3.eu-west-3.amazonaws.com",
            ],
        ),
    ],
)
def test_the_content_security_policy_lets_images_come_from_the_bucket(place, origins):
    assert s3_public_origins(bucket="media", **place) == origins
