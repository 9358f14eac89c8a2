"""The demo content that needs every app's: loaded last (see ``ClusterSiteConfig.ready``)."""

from core import audience


def load(*, scale: int, log) -> None:
    # Daily page views of the organisations, projects, events, trainings and articles.
    audience.demo_load(scale=scale, log=log)
