"""Site-wide middleware of the project itself."""

from django.conf import settings


class AppServerHeaderMiddleware:
    """Names the app server that answered in an ``X-App-Server`` response header, when
    ``APP_SERVER_NAME`` is set (behind a load balancer: which of the servers it was). First
    in MIDDLEWARE, so that a page served from the page cache carries it too."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.name = settings.APP_SERVER_NAME

    def __call__(self, request):
        response = self.get_response(request)
        if self.name:
            response["X-App-Server"] = self.name
        return response
