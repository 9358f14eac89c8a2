import factory
from django.utils import timezone

from newsletter.models import Issue, IssueBlock, Subscriber


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber (``status="pending"`` for one who has not clicked yet)."""

    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    language = "fr"
    status = Subscriber.Status.CONFIRMED
    confirmed_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.status == Subscriber.Status.CONFIRMED else None
    )

    @factory.post_generation
    def markets(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.markets.set(extracted)


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issue
        skip_postgeneration_save = True

    subject = factory.Sequence(lambda n: f"Lettre numéro {n}")
    subject_en = factory.Sequence(lambda n: f"Newsletter number {n}")
    preheader = "Les nouvelles du pôle."

    @factory.post_generation
    def blocks(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            IssueBlockFactory(issue=obj)


class IssueBlockFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IssueBlock

    issue = factory.SubFactory(IssueFactory, blocks=False)
    kind = IssueBlock.Kind.TEXT
    order = factory.Sequence(lambda n: n * 10)
    title = "Le mot de l'équipe"
    title_en = "A word from the team"
    body = "Bonjour à **toutes et tous**."
    body_en = "Hello **everyone**."


def sent_issue(**fields) -> Issue:
    issue = IssueFactory(**fields)
    issue.status = Issue.Status.SENT
    issue.sent_at = timezone.now()
    issue.save()
    return issue
