"""Small views for the page cache's exclusion tests (``@pytest.mark.urls``)."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.views.decorators.cache import cache_control

from cluster_site.urls import urlpatterns as site_urlpatterns
from content.models import Article


def titles(request):
    return HttpResponse(" | ".join(Article.objects.order_by("pk").values_list("title", flat=True)))


def sets_cookie(request):
    response = titles(request)
    response.set_cookie("seen", "yes")
    return response


def with_csrf_token(request):
    return HttpResponse(f"<input name='csrfmiddlewaretoken' value='{get_token(request)}'>")


def with_message(request):
    messages.info(request, "Saved.")
    return HttpResponse(" ".join(str(m) for m in messages.get_messages(request)))


def missing(request):
    raise Http404


def broken(request):
    return HttpResponse("Server error", status=500)


@cache_control(private=True)
def private(request):
    return titles(request)


def with_nonce(request):
    return HttpResponse(f"<script nonce='{request._csp_nonce}'></script>")


urlpatterns = [
    path("titles/", titles),
    path("cookie/", sets_cookie),
    path("csrf/", with_csrf_token),
    path("message/", with_message),
    path("missing/", missing),
    path("broken/", broken),
    path("private/", private),
    path("nonce/", with_nonce),
    *site_urlpatterns,
]
