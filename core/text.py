"""Small text helpers shared by the apps."""

from django.utils.text import slugify


def unique_slug(
    queryset, text: str, *, fallback: str, max_length: int = 60, reserved=(), field="slug"
) -> str:
    """A slug made from ``text`` that no row of ``queryset`` has yet (``name``, ``name-2``,
    ...). ``reserved`` holds addresses the app's URLs use; ``fallback`` serves when ``text``
    has no letter or digit. Reads the taken slugs in one query."""
    base = slugify(text)[:max_length].strip("-") or fallback
    if base in reserved:
        base = f"{base}-{fallback}" if base != fallback else f"{base}-1"
    taken = set(queryset.filter(**{f"{field}__startswith": base}).values_list(field, flat=True))
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug
