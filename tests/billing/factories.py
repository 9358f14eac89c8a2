from decimal import Decimal

import factory

from billing.models import Fee, FeeScale
from members.models import Organisation


class FeeScaleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeeScale
        django_get_or_create = ("year",)
        skip_postgeneration_save = True

    year = 2027
    vat_rate = Decimal("20")
    due_days = 30
    proration = FeeScale.Proration.QUARTERLY

    @factory.post_generation
    def fees(obj, create, extracted, **kwargs):
        if not create:
            return
        for kind, size, amount in extracted or [
            (Organisation.Kind.COMPANY, Organisation.SizeBand.SME, "1200"),
            (Organisation.Kind.COMPANY, "", "3000"),
            (Organisation.Kind.STARTUP, "", "400"),
            (Organisation.Kind.LAB, "", "800"),
        ]:
            Fee.objects.create(scale=obj, kind=kind, size_band=size, amount=Decimal(amount))
