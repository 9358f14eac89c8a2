"""Use cases of the projects app that write several rows, lock, or send mail."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.errors import PortalError
from core.text import unique_slug
from members.models import Membership, Organisation
from members.permissions import can_edit_organisation
from projects import emails
from projects.models import (
    ExternalPartner,
    Participation,
    PartnerInterest,
    PartnerSearch,
    Project,
    ProjectStatusChange,
)
from projects.models.project import RESERVED_SLUGS


class ProjectError(PortalError):
    """A use case of the projects app refused (see ``core.errors.PortalError``)."""


def coordinator_contacts(project: Project) -> list:
    """Who hears about a project's labelling: the coordinator's admins and its author."""
    admins = get_user_model().objects.filter(
        memberships__organisation__project_participations__project=project,
        memberships__organisation__project_participations__role=Participation.Role.COORDINATOR,
        memberships__role=Membership.Role.ADMIN,
        is_active=True,
    )
    people = list(admins)
    if project.created_by and project.created_by.is_active:
        people.append(project.created_by)
    return people


def _notify_status(project: Project, change: ProjectStatusChange) -> None:
    if change.to_status == Project.Status.SUBMITTED:
        emails.send_submitted_staff(project, change)
    elif change.to_status in Project.STAFF_ONLY:
        emails.send_labelling_decision(project, change, users=coordinator_contacts(project))


def project_change_status(
    *, project: Project, status: str, by, on: date | None = None, note: str = ""
) -> ProjectStatusChange:
    """Move ``project`` to ``status`` if the transition is allowed for ``by``, and keep the
    step in the timeline. A labelling decision sets the labelling date and emails the
    coordinator; a submission emails staff (both after the transaction commits)."""
    on = on or timezone.localdate()
    if on > timezone.localdate():
        raise ProjectError(_("The date of a status change cannot be in the future."))
    with transaction.atomic():
        locked = Project.objects.select_for_update().get(pk=project.pk)
        if not locked.can_move_to(status, by):
            raise ProjectError(
                _("A project cannot go from “%(current)s” to “%(new)s”.")
                % {
                    "current": locked.get_status_display(),
                    "new": Project.Status(status).label,
                }
            )
        change = ProjectStatusChange.objects.create(
            project=locked,
            from_status=locked.status,
            to_status=status,
            changed_on=on,
            author=by,
            note=note,
        )
        locked.status = status
        fields = ["status", "updated_at"]
        if status == Project.Status.LABELLED:
            locked.labelled_on = on
            fields.append("labelled_on")
        locked._change_reason = f"status: {change.get_to_status_display()}"
        locked.save(update_fields=fields)
        transaction.on_commit(lambda: _notify_status(locked, change))
    project.status, project.labelled_on = locked.status, locked.labelled_on
    return change


def project_create(
    *,
    project: Project,
    markets,
    coordinator: Organisation,
    by,
    partners: list[tuple[Organisation, str]] = (),
    externals: list[dict] = (),
    submit: bool = False,
) -> Project:
    """Save a new ``project`` (unsaved instance) coordinated by ``coordinator``, with its
    consortium, and record its first status. ``submit`` sends it for labelling at once."""
    if not can_edit_organisation(by, coordinator):
        raise ProjectError(_("Only an admin of the coordinating organisation can do this."))
    with transaction.atomic():
        # A free slug made from the acronym (``acronym``, ``acronym-2``...).
        project.slug = project.slug or unique_slug(
            Project.objects.all(),
            project.acronym,
            fallback="projet",
            max_length=50,
            reserved=RESERVED_SLUGS,
        )
        project.status = Project.Status.CONSORTIUM
        project.created_by = by
        project.save()
        project.markets.set(markets)
        Participation.objects.create(
            project=project, organisation=coordinator, role=Participation.Role.COORDINATOR
        )
        seen = {coordinator.pk}
        for organisation, role in partners:
            if organisation.pk in seen:
                continue
            seen.add(organisation.pk)
            Participation.objects.create(project=project, organisation=organisation, role=role)
        for external in externals:
            ExternalPartner.objects.create(project=project, **external)
        ProjectStatusChange.objects.create(
            project=project, to_status=Project.Status.CONSORTIUM, author=by
        )
        if submit:
            project_change_status(project=project, status=Project.Status.SUBMITTED, by=by)
    return project


def interest_create(
    *, search: PartnerSearch, organisation: Organisation, by, message: str = ""
) -> PartnerInterest:
    """Record that ``organisation`` is interested in ``search`` and relay it to the poster:
    the email names the organisation and links to its profile, never to a person's address."""
    with transaction.atomic():
        locked = PartnerSearch.objects.select_for_update().get(pk=search.pk)
        if not locked.is_open:
            raise ProjectError(_("This post is closed: it no longer takes answers."))
        if organisation.pk == locked.organisation_id:
            raise ProjectError(_("You cannot answer your own organisation's post."))
        if not Organisation.objects.of_user(by).active().filter(pk=organisation.pk).exists():
            raise ProjectError(_("You can only answer for an active organisation you belong to."))
        try:
            with transaction.atomic():
                interest = PartnerInterest.objects.create(
                    search=locked, organisation=organisation, user=by, message=message
                )
        except IntegrityError:
            raise ProjectError(_("Your organisation has already answered this post.")) from None
        transaction.on_commit(lambda: _relay_interest(interest))
    return interest


def _relay_interest(interest: PartnerInterest) -> None:
    search = interest.search
    recipients = [search.author] if search.author and search.author.is_active else []
    if not recipients:
        recipients = list(
            get_user_model().objects.filter(
                memberships__organisation=search.organisation,
                memberships__role=Membership.Role.ADMIN,
                is_active=True,
            )
        )
    emails.send_interest_relay(interest, users=recipients)


def partnersearch_close(*, search: PartnerSearch, by) -> None:
    """Close a post: it leaves the lists and takes no more answers."""
    if not search.is_managed_by(by):
        raise ProjectError(_("Only the author or an admin of the organisation can close it."))
    if search.closed_at is None:
        search.closed_at = timezone.now()
        search.save(update_fields=["closed_at", "updated_at"])
