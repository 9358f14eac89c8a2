"""factory_boy factories of the foundation: people and editorial content.

Apps add their own factories in ``tests/<app>/factories.py``.
"""

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.utils import timezone

from accounts.models import User
from content.models import Article, KeyFigure, Market, Page, RoadmapObjective

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    """A person with a verified email address and the password ``PASSWORD``."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class StaffFactory(UserFactory):
    is_staff = True
    is_superuser = True

    @factory.post_generation
    def totp(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            Authenticator.objects.create(
                user=obj, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
            )


THEMES = [choice[0] for choice in Market.Theme.choices]


class MarketFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Market
        django_get_or_create = ("theme",)

    theme = factory.Iterator(THEMES)
    name = factory.LazyAttribute(lambda o: str(Market.Theme(o.theme).label))
    name_en = factory.LazyAttribute(lambda o: f"{Market.Theme(o.theme).label} (en)")
    slug = factory.LazyAttribute(lambda o: o.theme)
    tagline = factory.Faker("sentence", locale="fr_FR")
    intro = "Une **introduction** au marché."
    status = Market.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=1))
    order = factory.Sequence(int)


class RoadmapObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoadmapObjective

    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Objectif {n + 1}")
    summary = "Un objectif prioritaire."
    status = RoadmapObjective.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=1))


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Actualité numéro {n}")
    title_en = factory.Sequence(lambda n: f"News item number {n}")
    slug = factory.Sequence(lambda n: f"actualite-{n}")
    excerpt = "Un résumé de l'actualité."
    body = "Le **corps** de l'article."
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(hours=1))

    @factory.post_generation
    def markets(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.markets.set(extracted)


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    body = "Texte de la page."
    status = Page.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(hours=1))


class KeyFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KeyFigure

    value = "500+"
    label = "adhérents"
    order = factory.Sequence(int)
