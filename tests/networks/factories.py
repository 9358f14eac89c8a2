import factory
from django.utils import timezone

from networks.models import Partner


class PartnerFactory(factory.django.DjangoModelFactory):
    """A published partner cluster in France."""

    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Cluster partenaire {n}")
    name_en = factory.Sequence(lambda n: f"Partner cluster {n}")
    slug = factory.Sequence(lambda n: f"cluster-partenaire-{n}")
    kind = Partner.Kind.CLUSTER_FRANCE
    country = "FR"
    summary = "Un cluster partenaire fictif."
    summary_en = "A fictional partner cluster."
    description = "Une **description** du partenaire."
    status = Partner.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=1))
