from django.urls import path

from billing import views

app_name = "billing"

urlpatterns = [
    path("invoices/<int:pk>/pdf/", views.invoice_pdf, name="invoice-pdf"),
    path("staff/", views.receivables, name="receivables"),
    path("staff/campaigns/open/", views.campaign_open, name="campaign-open"),
    path("staff/overdue/", views.overdue_list, name="overdue"),
    path("staff/payments/", views.payment_list, name="payment-list"),
    path("staff/payments/new/", views.payment_create, name="payment-create"),
    path("staff/statements/", views.statement_upload, name="statement-upload"),
    path("staff/statements/confirm/", views.statement_confirm, name="statement-confirm"),
    path("staff/export.csv", views.export_csv, name="export"),
    path("<slug:slug>/", views.membership, name="membership"),
    path("<slug:slug>/details/", views.billing_profile_edit, name="profile-edit"),
]
