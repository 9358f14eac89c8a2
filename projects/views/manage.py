"""What the consortium does with its project: submit it, edit it, share documents.

Every view fetches the project through ``Project.objects.visible_to(user)`` first (404 for
those who may not see it), then checks the edit right (403 for those who see it but may not
edit: partners, colleagues, outsiders looking at a public project).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.forms.utils import ErrorDict
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.permissions import acts_as_staff
from core import views as core_views
from core.storage import download_response
from core.views import confirm_delete, save_posted
from members.models import Organisation
from projects import services
from projects.forms import (
    MAX_CONSORTIUM_ROWS,
    DocumentForm,
    ProjectForm,
    ProjectImageFormSet,
    ProjectSubmitForm,
    StatusChangeForm,
    consortium_formsets,
    consortium_rows,
)
from projects.models import Participation, Project
from projects.organisation_picker import matching, organisation_label
from projects.services import ProjectError


def _project_for_editing(request, slug) -> Project:
    project = get_object_or_404(Project.objects.visible_to(request.user), slug=slug)
    if not Project.objects.editable_by(request.user).filter(pk=project.pk).exists():
        raise PermissionDenied
    return project


def _project_for_consortium(request, slug) -> Project:
    """The project if ``request.user`` is in its consortium or staff; 404 otherwise."""
    project = get_object_or_404(Project.objects.visible_to(request.user), slug=slug)
    user = request.user
    if not acts_as_staff(user) and not (
        Participation.objects.of_user(user).filter(project=project).exists()
    ):
        raise Http404
    return project


# Rows a "More rows" button adds (the way to more partners without JavaScript).
ROWS_ADDED = 3


def _with_more_rows(data, prefix: str):
    """A copy of the posted ``data`` with ``ROWS_ADDED`` more rows in the ``prefix`` formset."""
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    try:
        total = int(data.get(key, ""))
    except ValueError:
        return data
    data[key] = str(min(total + ROWS_ADDED, MAX_CONSORTIUM_ROWS))
    return data


def _without_errors(form, *formsets) -> None:
    """Show bound forms as typed but without error messages: the person asked for more rows,
    not to save, so nothing is validated yet."""
    form._errors = ErrorDict()
    for formset in formsets:
        formset._non_form_errors = formset.error_class()
        for row in formset.forms:
            row._errors = ErrorDict()
        formset._errors = [row._errors for row in formset.forms]


def project_create(request):
    """Submitting a project. A visitor (the button is on the public project and call pages)
    gets the page that says what it takes, with signing in and joining, never a bare login
    form (core.views.members_only)."""
    if request.user.is_authenticated:
        return _project_create(request)
    if request.method != "GET":
        return redirect_to_login(request.get_full_path())
    return core_views.members_only(
        request,
        title=_("Submit a project for labelling"),
        summary=_(
            "A project is submitted by an admin of its coordinating organisation, which must "
            "be an active member of the cluster."
        ),
        points=[
            _("Look for partners among the members."),
            _("Submit your project for labelling: a labelled project is funded far more often."),
        ],
    )


def _project_create(request):
    organisations = Organisation.objects.active().editable_by(request.user).order_by("name")
    if not organisations.exists():
        return render(request, "projects/project_not_admin.html", status=403)
    more_rows = request.POST.get("more-rows")
    adding_rows = more_rows in ("partners", "externals")
    data = _with_more_rows(request.POST, more_rows) if adding_rows else request.POST or None
    form = ProjectSubmitForm(data, organisations=organisations)
    coordinator = None
    if not adding_rows and form.is_bound and form.is_valid():
        coordinator = form.cleaned_data["coordinator"]
    partners, externals = consortium_formsets(
        project=form.instance, coordinator=coordinator, data=data
    )
    if adding_rows:
        # Without JavaScript: the same page again, as typed, with empty rows added.
        _without_errors(form, partners, externals)
    elif form.is_valid() and partners.is_valid() and externals.is_valid():
        submit = "submit" in request.POST
        try:
            project = services.project_create(
                project=form.save(commit=False),
                markets=form.cleaned_data["markets"],
                coordinator=coordinator,
                by=request.user,
                submit=submit,
                **consortium_rows(partners, externals),
            )
        except ProjectError as error:
            form.add_error(None, error.message)
        else:
            if submit:
                messages.success(
                    request,
                    _(
                        "Your project is submitted for labelling. The cluster's team will get "
                        "back to you by email."
                    ),
                )
            else:
                messages.success(request, _("Your project is saved. Submit it when ready."))
            return redirect(project)
    return render(
        request,
        "projects/project_submit.html",
        {"form": form, "partners": partners, "externals": externals},
    )


@login_required
def project_edit(request, slug):
    project = _project_for_editing(request, slug)
    project._change_reason = "edited on the portal"  # the note of the save in its history
    form = ProjectForm(request.POST or None, request.FILES or None, instance=project)
    if save_posted(request, form, message=_("The project is updated.")):
        return redirect(project)
    return render(request, "projects/project_form.html", {"form": form, "project": project})


@login_required
def project_consortium(request, slug):
    project = _project_for_editing(request, slug)
    try:
        extra_rows = int(request.GET.get("rows", ""))
    except ValueError:
        extra_rows = None
    partners, externals = consortium_formsets(
        project=project,
        coordinator=project.coordinator,
        data=request.POST or None,
        extra_rows=extra_rows,
    )
    if save_posted(request, partners, externals, message=_("The consortium is updated.")):
        if "save-more" in request.POST:
            # Without JavaScript: back to the form with more empty rows.
            url = reverse("projects:project-consortium", args=[project.slug])
            return redirect(f"{url}?rows={ROWS_ADDED + 2}")
        return redirect(project)
    return render(
        request,
        "projects/project_consortium.html",
        {"project": project, "partners": partners, "externals": externals},
    )


@login_required
def project_status(request, slug):
    project = _project_for_editing(request, slug)
    form = StatusChangeForm(request.POST or None, project=project, user=request.user)
    if form.apply():
        messages.success(
            request,
            _("The project is now “%(status)s”.") % {"status": project.get_status_display()},
        )
        return redirect(project)
    return render(request, "projects/project_status.html", {"form": form, "project": project})


@login_required
def project_images(request, slug):
    project = _project_for_editing(request, slug)
    formset = ProjectImageFormSet(
        request.POST or None, request.FILES or None, instance=project, prefix="images"
    )
    if save_posted(request, formset, message=_("The pictures are updated.")):
        return redirect(project)
    return render(request, "projects/project_images.html", {"project": project, "formset": formset})


@login_required
def document_list(request, slug):
    project = _project_for_consortium(request, slug)
    can_edit = Project.objects.editable_by(request.user).filter(pk=project.pk).exists()
    form = None
    if can_edit:
        form = DocumentForm(request.POST or None, request.FILES or None)
        form.instance.project, form.instance.uploaded_by = project, request.user
        if save_posted(request, form, message=_("The document is shared with the consortium.")):
            return redirect("projects:document-list", slug=project.slug)
    elif request.method == "POST":
        raise PermissionDenied
    documents = project.documents.select_related("uploaded_by")
    return render(
        request,
        "projects/document_list.html",
        {"project": project, "documents": documents, "form": form, "can_edit": can_edit},
    )


@login_required
def document_download(request, slug, pk):
    project = _project_for_consortium(request, slug)
    document = get_object_or_404(project.documents, pk=pk)
    return download_response(
        document.file,
        filename=f"{slugify(document.title) or 'document'}.pdf",
        content_type="application/pdf",
    )


@login_required
@require_http_methods(["GET", "POST"])
def document_delete(request, slug, pk):
    """Asks first (GET: which file goes), deletes on POST."""
    project = _project_for_editing(request, slug)
    document = get_object_or_404(project.documents, pk=pk)
    if request.method == "GET":
        return confirm_delete(
            request,
            title=_("Delete the document %(title)s?") % {"title": document.title},
            removes=[
                _("The document %(title)s (%(size)s), for every partner of %(project)s.")
                % {
                    "title": document.title,
                    "size": filesizeformat(document.size),
                    "project": project.acronym or project.title,
                }
            ],
            back_url=reverse("projects:document-list", kwargs={"slug": project.slug}),
        )
    document.delete()  # its file goes once the deletion is committed
    messages.success(request, _("The document is deleted."))
    return redirect("projects:document-list", slug=project.slug)


HISTORY_ENTRIES = 50
MINE_PER_PAGE = 25


@login_required
def project_history(request, slug):
    """Who changed the project's text and facts, and when: for the consortium and staff."""
    project = _project_for_consortium(request, slug)
    records = list(
        project.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : HISTORY_ENTRIES + 1
        ]
    )
    labels = {field.name: field.verbose_name for field in Project._meta.fields}
    entries = []
    for newer, older in zip(records, records[1:] + [None], strict=True):
        if len(entries) == HISTORY_ENTRIES:
            break
        if older is None:
            changed = []
        else:
            delta = newer.diff_against(older, excluded_fields=["markets", "updated_at"])
            changed = [labels.get(name, name) for name in delta.changed_fields]
        if older is not None and not changed:
            continue  # a save that changed nothing visible (markets only, or no change)
        entries.append({"record": newer, "changed": changed, "created": older is None})
    return render(
        request, "projects/project_history.html", {"project": project, "entries": entries}
    )


@login_required
def project_mine(request):
    """The projects of the person's organisations, whatever their status and visibility."""
    projects = (
        Project.objects.of_consortium(request.user)
        .select_related("programme")
        .order_by("-updated_at", "pk")
    )
    page = Paginator(projects, MINE_PER_PAGE).get_page(request.GET.get("page"))
    editable = set(
        Project.objects.editable_by(request.user)
        .filter(pk__in=[project.pk for project in page.object_list])
        .values_list("pk", flat=True)
    )
    can_submit = Organisation.objects.active().editable_by(request.user).exists()
    return render(
        request,
        "projects/project_mine.html",
        {"page_obj": page, "editable": editable, "can_submit": can_submit},
    )


@login_required
def organisation_search(request):
    """Suggestions for the organisation fields of the consortium forms, as JSON: the active
    member organisations whose name holds the typed words (a few, never the directory).
    For the people who fill those forms: admins of an organisation, and staff."""
    if not Organisation.objects.editable_by(request.user).exists():
        raise PermissionDenied
    found = matching(Organisation.objects.active(), request.GET.get("q", ""))
    response = JsonResponse({"results": [organisation_label(o) for o in found]})
    response["Cache-Control"] = "private, max-age=60"
    return response
