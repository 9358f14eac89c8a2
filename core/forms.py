"""Form helpers the apps share: the layout of a short form, choices that keep a past one."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout, Submit
from django import forms


def stacked_helper(form: forms.BaseForm, button: Submit, **options) -> FormHelper:
    """The crispy helper of a short form: all its fields one under the other, in their
    order, then ``button``. ``options`` set attributes of the helper (``form_id``...).

    The layout follows the fields, so that it never forgets one; every app uses it for
    its short forms."""
    helper = FormHelper()
    for name, value in options.items():
        setattr(helper, name, value)
    helper.layout = Layout(*form.fields, button)
    return helper


def with_current(queryset, pk):
    """The choices of ``queryset`` plus the row ``pk`` already chosen, should it have left
    them (a programme closed, a call past its deadline): editing keeps a past choice."""
    if not pk:
        return queryset
    rows = queryset.model._default_manager
    return rows.filter(pk__in=queryset.values("pk")) | rows.filter(pk=pk)
