"""Image uploads: strict validation, metadata stripping and renditions made at upload time.

Every image the portal stores goes through ``RenditionImageField``:

- the form refuses SVG, files over 5 MB, images over 40 megapixels and anything Pillow
  cannot read, with a message that says which limit was hit;
- on save the original is re-encoded without its metadata (EXIF, GPS, comments), turned
  upright and capped at 2,400 pixels;
- WebP renditions at the field's widths are written next to it (``name.w480.webp``), so
  pages never resize on request and a rendition's address is known without a query;
- crops of a fixed size (``name.c1200x630.webp``, the picture shared on social networks)
  are cut around the row's focal point, and cut again when the focal point moves.

Covers (``core.models.WithCover``) use all of this: one set of fields for every kind of
content, drawn by one template, ``includes/cover.html``.
"""

import io
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.db.models import signals
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from core.storage import delete_after_commit

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_STORED_SIDE = 2400
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
ACCEPT_ATTRIBUTE = "image/png,image/jpeg,image/webp,image/gif"


def validate_image_upload(upload) -> None:
    """Raise ValidationError unless ``upload`` is a raster image within the portal's limits."""
    name = (getattr(upload, "name", "") or "").lower()
    content_type = getattr(upload, "content_type", "") or ""
    if name.endswith((".svg", ".svgz")) or "svg" in content_type:
        raise ValidationError(
            _("SVG files are not accepted. Upload a PNG, JPEG, WebP or GIF image."),
            code="svg",
        )
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("This file weighs %(size)s; images may weigh 5 MB at most."),
            code="too_large",
            params={"size": filesizeformat(upload.size)},
        )
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            width, height = image.size
            if image.format not in ACCEPTED_FORMATS:
                raise ValidationError(
                    _("This file is not a PNG, JPEG, WebP or GIF image."), code="format"
                )
            if width * height > MAX_PIXELS:
                raise ValidationError(
                    _(
                        "This image is %(width)s × %(height)s pixels; images may have "
                        "40 megapixels at most."
                    ),
                    code="too_many_pixels",
                    params={"width": width, "height": height},
                )
            image.verify()
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("This file is not an image or it is damaged. Upload a PNG, JPEG, WebP or GIF image."),
            code="invalid_image",
        ) from None
    finally:
        upload.seek(0)


def normalise_image(upload) -> tuple[ContentFile, str]:
    """Re-encode an upload without metadata, upright, at most MAX_STORED_SIDE pixels.

    Returns the new content and its file extension (``jpg`` or ``png``).
    """
    upload.seek(0)
    with Image.open(upload) as source:
        source.seek(0)
        image = ImageOps.exif_transpose(source)
        image.thumbnail((MAX_STORED_SIDE, MAX_STORED_SIDE))
        has_alpha = image.mode in ("RGBA", "LA", "PA") or (
            image.mode == "P" and "transparency" in image.info
        )
        buffer = io.BytesIO()
        if has_alpha:
            image.convert("RGBA").save(buffer, format="PNG", optimize=True)
            extension = "png"
        else:
            image.convert("RGB").save(buffer, format="JPEG", quality=85, optimize=True)
            extension = "jpg"
    return ContentFile(buffer.getvalue()), extension


def rendition_name(name: str, width: int) -> str:
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}.w{width}.webp"))


def crop_name(name: str, size: tuple[int, int]) -> str:
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}.c{size[0]}x{size[1]}.webp"))


def crop_box(width: int, height: int, size: tuple[int, int], focal=(50, 50)):
    """The largest box of the proportions of ``size`` inside a ``width`` × ``height`` image,
    centred on the focal point (percentages across and down) as far as the edges allow."""
    target = size[0] / size[1]
    if width / height > target:
        box_w, box_h = round(height * target), height
    else:
        box_w, box_h = width, round(width / target)
    left = round(width * focal[0] / 100 - box_w / 2)
    top = round(height * focal[1] / 100 - box_h / 2)
    left = min(max(left, 0), width - box_w)
    top = min(max(top, 0), height - box_h)
    return (left, top, left + box_w, top + box_h)


def write_crops(storage, name: str, sizes, focal=(50, 50)) -> None:
    """Write one WebP per size next to the stored image ``name``, cut around ``focal``."""
    with storage.open(name, "rb") as stored, Image.open(stored) as original:
        original.load()
        image = original.convert("RGB")
        for size in sizes:
            cropped = image.crop(crop_box(image.width, image.height, size, focal))
            cropped = cropped.resize(size, Image.Resampling.LANCZOS)
            buffer = io.BytesIO()
            cropped.save(buffer, format="WEBP", quality=82)
            target = crop_name(name, size)
            if storage.exists(target):
                storage.delete(target)
            storage.save(target, ContentFile(buffer.getvalue()))


def write_renditions(storage, name: str, widths) -> None:
    """Write one WebP per width next to the stored image ``name`` (never enlarged)."""
    with storage.open(name, "rb") as stored, Image.open(stored) as original:
        original.load()
        for width in widths:
            image = original.copy()
            if image.width > width:
                image.thumbnail((width, width * 10))
            buffer = io.BytesIO()
            mode = "RGBA" if image.mode in ("RGBA", "LA") else "RGB"
            image.convert(mode).save(buffer, format="WEBP", quality=82)
            target = rendition_name(name, width)
            if storage.exists(target):
                storage.delete(target)
            storage.save(target, ContentFile(buffer.getvalue()))


class ImageUploadFormField(forms.ImageField):
    """Checks the portal's limits first, so the message names the limit that was hit."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("accept", ACCEPT_ATTRIBUTE)

    def to_python(self, data):
        if data in self.empty_values:
            return None
        validate_image_upload(data)
        return super().to_python(data)


class RenditionImageField(models.ImageField):
    """An ImageField that cleans the image and writes its renditions when it is saved.

    The stored files follow the row: when the image is replaced or cleared, or the row is
    deleted, the old original and its renditions are deleted from the storage once the
    transaction commits (never on a rollback). The name loaded from the database is
    remembered on the instance to know what was replaced, so this costs no query. History
    rows (django-simple-history) keep only the name: reverting a record to an image that
    was replaced since brings back a name whose files are gone, so the editor uploads it
    again.
    """

    def __init__(self, *args, renditions=(480, 960), crops=(), focal=None, **kwargs):
        self.renditions = tuple(renditions)
        # Fixed-size crops (width, height) and the names of the row's two focal-point
        # fields (percentages across and down) they are cut around.
        self.crops = tuple(tuple(size) for size in crops)
        self.focal = tuple(focal) if focal else None
        super().__init__(*args, **kwargs)

    def contribute_to_class(self, cls, name, **kwargs):
        super().contribute_to_class(cls, name, **kwargs)
        if not cls._meta.abstract:
            signals.post_init.connect(self._remember_name, sender=cls, weak=False)
            signals.post_save.connect(self._delete_replaced, sender=cls, weak=False)
            signals.post_delete.connect(self._delete_stored, sender=cls, weak=False)

    def _stored_names(self, name: str) -> list[str]:
        if not name:
            return []
        return [
            name,
            *(rendition_name(name, width) for width in self.renditions),
            *(crop_name(name, size) for size in self.crops),
        ]

    def _focal_of(self, instance) -> tuple:
        if not self.focal:
            return (50, 50)
        return tuple(instance.__dict__.get(field, 50) for field in self.focal)

    def _remember_name(self, instance, **kwargs):
        # Only a stored name counts (a row read from the database holds a string); a new
        # upload given to the constructor is not in the storage yet. Deferred fields are
        # absent: nothing is known, so nothing will be deleted.
        value = instance.__dict__.get(self.attname)
        if isinstance(value, str) or getattr(value, "_committed", False):
            name = getattr(value, "name", value) or ""
            instance.__dict__.setdefault("_stored_images", {})[self.attname] = name
            instance.__dict__.setdefault("_stored_focal", {})[self.attname] = self._focal_of(
                instance
            )

    def _delete_replaced(self, instance, raw=False, **kwargs):
        known = instance.__dict__.setdefault("_stored_images", {})
        current = getattr(instance, self.attname).name or ""
        previous = known.get(self.attname)
        known[self.attname] = current
        if previous and previous != current and not raw:
            delete_after_commit(self.storage, *self._stored_names(previous))

    def _delete_stored(self, instance, **kwargs):
        file = getattr(instance, self.attname)
        if file:
            delete_after_commit(file.storage, *self._stored_names(file.name))

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["renditions"] = self.renditions
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageUploadFormField, **kwargs})

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            content, extension = normalise_image(file)
            stem = PurePosixPath(file.name).stem or "image"
            file.save(f"{stem}.{extension}", content, save=False)
            write_renditions(file.storage, file.name, self.renditions)
            self._write_crops(model_instance, file)
        elif file and self.crops:
            # The same image with a new focal point: only the crops change.
            known = model_instance.__dict__.setdefault("_stored_focal", {})
            if known.get(self.attname, (50, 50)) != self._focal_of(model_instance):
                self._write_crops(model_instance, file)
        return file

    def _write_crops(self, instance, file) -> None:
        if self.crops:
            focal = self._focal_of(instance)
            write_crops(file.storage, file.name, self.crops, focal)
            instance.__dict__.setdefault("_stored_focal", {})[self.attname] = focal


@dataclass
class PreparedImage:
    """The files a RenditionImageField stores for one image, made once (normalised original,
    renditions, crops around ``focal``) to be stored for many rows: see :func:`store_prepared`.
    """

    filename: str
    focal: tuple
    original: bytes = b""
    renditions: dict = field(default_factory=dict)
    crops: dict = field(default_factory=dict)


def prepare_image(upload, image_field, focal=(50, 50)) -> PreparedImage:
    """Clean ``upload`` and make the renditions and crops ``image_field`` would store."""
    from django.core.files.storage import InMemoryStorage

    content, extension = normalise_image(upload)
    scratch = InMemoryStorage()
    name = scratch.save(f"{PurePosixPath(upload.name).stem or 'image'}.{extension}", content)
    write_renditions(scratch, name, image_field.renditions)
    write_crops(scratch, name, image_field.crops, focal)

    def read(stored: str) -> bytes:
        with scratch.open(stored, "rb") as handle:
            return handle.read()

    return PreparedImage(
        filename=name,
        focal=tuple(focal),
        original=read(name),
        renditions={w: read(rendition_name(name, w)) for w in image_field.renditions},
        crops={size: read(crop_name(name, size)) for size in image_field.crops},
    )


def store_prepared(instance, field_name: str, prepared: PreparedImage) -> None:
    """Store a copy of ``prepared`` as the image ``field_name`` of ``instance`` (not saved):
    the row owns its files like an upload's, without encoding them again (the demo gives
    the same illustration to many rows)."""
    image_field = instance._meta.get_field(field_name)
    storage = image_field.storage
    name = storage.save(
        image_field.generate_filename(instance, prepared.filename),
        ContentFile(prepared.original),
    )
    copies = {rendition_name(name, w): data for w, data in prepared.renditions.items()}
    copies |= {crop_name(name, size): data for size, data in prepared.crops.items()}
    for target, data in copies.items():
        if storage.exists(target):
            storage.delete(target)
        storage.save(target, ContentFile(data))
    setattr(instance, image_field.attname, name)
    # The crops are cut around this focal point already: saving must not cut them again.
    instance.__dict__.setdefault("_stored_focal", {})[image_field.attname] = prepared.focal


def rendition_url(file, width: int) -> str:
    """Address of the rendition of ``file`` closest to ``width``, or of the original."""
    if not file:
        return ""
    field = getattr(file, "field", None)
    widths = getattr(field, "renditions", ())
    if not widths:
        return file.url
    chosen = min((w for w in widths if w >= width), default=max(widths))
    return file.storage.url(rendition_name(file.name, chosen))


def crop_url(file, size: tuple[int, int]) -> str:
    """Address of the crop of ``file`` at ``size``, or "" when there is no such crop."""
    crops = getattr(getattr(file, "field", None), "crops", ())
    if not file or tuple(size) not in crops:
        return ""
    return file.storage.url(crop_name(file.name, size))


def rendition_srcset(file) -> str:
    widths = getattr(getattr(file, "field", None), "renditions", ())
    if not file or not widths:
        return ""
    return ", ".join(f"{file.storage.url(rendition_name(file.name, w))} {w}w" for w in widths)
