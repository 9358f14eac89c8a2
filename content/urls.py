from django.urls import path

from content import views
from content.feeds import ArticleFeed
from content.models import Page

app_name = "content"

urlpatterns = [
    path("markets/", views.market_list, name="market-list"),
    path("markets/<slug:slug>/", views.market_detail, name="market-detail"),
    path("roadmap/", views.roadmap, name="roadmap"),
    path("roadmap/<int:number>/", views.objective_detail, name="objective-detail"),
    path("news/", views.article_list, name="article-list"),
    *ArticleFeed.urls("news/", "article"),
    path("news/<slug:slug>/", views.article_detail, name="article-detail"),
    path("about/", views.page_detail, {"role": Page.Role.ABOUT}, name="about"),
    path("legal-notice/", views.page_detail, {"role": Page.Role.LEGAL}, name="legal"),
    path("privacy/", views.page_detail, {"role": Page.Role.PRIVACY}, name="privacy"),
    path("contact/", views.contact, name="contact"),
    path("contact/sent/", views.contact_sent, name="contact-sent"),
    path("team/", views.team, name="team"),
    path("pages/<slug:slug>/", views.page_detail, name="page-detail"),
]
