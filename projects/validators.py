from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
PDF_MAGIC = b"%PDF-"


def validate_pdf(upload) -> None:
    """Raise ValidationError unless ``upload`` is a PDF file of at most 10 MB.

    The content is checked (a PDF starts with ``%PDF-``), not only the name.
    """
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("This file weighs %(size)s; documents may weigh 10 MB at most."),
            code="too_large",
            params={"size": filesizeformat(upload.size)},
        )
    name = (getattr(upload, "name", "") or "").lower()
    if not name.endswith(".pdf"):
        raise ValidationError(_("Upload a PDF file (its name ends with .pdf)."), code="extension")
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if head != PDF_MAGIC:
        raise ValidationError(
            _("This file is not a PDF document, even though its name ends with .pdf."),
            code="not_pdf",
        )
