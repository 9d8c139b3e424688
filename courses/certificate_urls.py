from django.urls import path

from . import certificate_views

app_name = "certificates"

urlpatterns = [
    path("kursbevis/", certificate_views.verify_form, name="verify_form"),
    path("kursbevis/kontroller-fil/", certificate_views.verify_badge, name="verify_badge"),
    path("kursbevis/<str:code>/", certificate_views.verify, name="verify"),
    path(
        "min-side/kursbevis/<int:certificate_id>/pdf/",
        certificate_views.certificate_pdf,
        name="pdf",
    ),
    path(
        "min-side/kursbevis/<int:certificate_id>/open-badge/",
        certificate_views.certificate_badge,
        name="badge",
    ),
]
