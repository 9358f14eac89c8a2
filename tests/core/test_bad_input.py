"""Malformed input (a NUL byte, bytes that are not UTF-8) is a 400 on every page, never a
500: checked on every GET address the URL map yields, in both languages."""

import re
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import translation

from core.middleware import bad_encoded

BAD_QUERIES = ["q=a%00b&x%00=1", "q=%ff%fe&page=%C3%28"]


@pytest.mark.parametrize(
    ("query", "bad"),
    [
        ("q=hello&page=2", False),
        ("q=caf%C3%A9+cr%C3%A8me", False),
        ("q=a%00b", True),
        ("q=%ff", True),
        ("x%00=1", True),
        ("q=%C3%28", True),
        ("", False),
    ],
)
def test_bad_encoded_finds_nul_bytes_and_invalid_utf8(query, bad):
    assert bad_encoded(query) is bad


def test_the_pages_that_used_to_fail_answer_400_in_the_site_style(client, db):
    for url in ("/search/?q=a%00b", "/trainings/?q=a%00", "/en/events/?q=%ff"):
        response = client.get(url)
        assert response.status_code == 400, url
        assert b"This request could not be understood" in response.content or (
            "Cette requête".encode() in response.content
        )
        assert b'class="site-header' in response.content


def test_a_form_field_with_a_nul_byte_is_refused(client, db):
    data = "email=a%00@example.com&password=x"
    response = client.post(
        reverse("account_login"), data, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400


def test_a_multipart_form_field_with_a_nul_byte_is_refused(client, db):
    response = client.post(reverse("account_login"), {"email": "a\x00b@example.com"})
    assert response.status_code == 400


def test_good_input_goes_through(client, db):
    assert client.get("/search/?q=caf%C3%A9").status_code == 200
    response = client.post(reverse("account_login"), {"email": "nobody@example.com"})
    assert response.status_code == 200  # the form, with its errors


def named_patterns(patterns, namespace="", route=""):
    """(name, full route) of every route of the URL map, the back-office left out."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_patterns(pattern.url_patterns, inner, route + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", route + str(pattern.pattern)


def sample_arguments() -> dict[str, list[dict]]:
    """The arguments of real addresses of the demo: every object's own page, resolved."""
    samples: dict[str, list[dict]] = {}
    for model in apps.get_models():
        if not hasattr(model, "get_absolute_url"):
            continue
        for instance in model._default_manager.all()[:3]:
            try:
                match = resolve(urlsplit(instance.get_absolute_url()).path)
            except Exception:  # noqa: BLE001 - an object without a page of its own
                continue
            if match.kwargs:
                samples.setdefault(match.route.split("<")[0], []).append(match.kwargs)
    return samples


GENERIC = {
    "pk": 1,
    "token": "sample-token",
    "year": 2026,
    "month": 5,
    "decision": "accept",
    "key": "sample-key",
    "uidb36": "1",
    "public_id": "5f0c6d6c-1b3c-4c1e-9c3e-4a3b5a6e7f80",
}


def arguments_for(route: str, samples) -> dict:
    """Arguments for ``route``: those of a demo object's page under the same prefix
    (``members/<slug>/people/`` takes an organisation's slug), plain values otherwise."""
    wanted = set(re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", route))
    names = {a or b for a, b in wanted}
    prefix = route.split("<")[0].split("(")[0]
    kwargs = {name: GENERIC.get(name, "sample") for name in names}
    for name in re.findall(r"<uuid:(\w+)>", route):
        kwargs[name] = GENERIC["public_id"]
    for name, value in (samples.get(prefix) or [{}])[0].items():
        if name in names:
            kwargs[name] = value
    if "platform_slug" in names and "members/platforms/" in samples:
        kwargs["platform_slug"] = samples["members/platforms/"][0]["slug"]
    return kwargs


@pytest.mark.django_db(transaction=True)
def test_no_get_page_answers_500_to_malformed_input(client, staff):
    call_command("load_demo", verbosity=0)
    samples = sample_arguments()
    client.force_login(staff)
    addresses = set()
    for name, route in named_patterns(get_resolver().url_patterns):
        kwargs = arguments_for(route, samples)
        for language in ("fr", "en"):
            with translation.override(language):
                try:
                    addresses.add(reverse(name, kwargs=kwargs))
                except NoReverseMatch:
                    pytest.fail(f"no sample arguments for {name} ({kwargs})")
    addresses.add("/media/sample.png")
    assert len(addresses) > 150
    failures = []
    for address in sorted(addresses):
        for query in BAD_QUERIES:
            status = client.get(f"{address}?{query}").status_code
            if status != 400:
                failures.append(f"{address}?{query}: {status}")
    assert not failures, "\n".join(failures)
