from django.urls import path

from . import certificate_views

app_name = "certificates"

urlpatterns = [
    path("kursbevis/", certificate_views.verify_form, name="verify_form"),
    path("kursbevis/<str:code>/", certificate_views.verify, name="verify"),
    path(
        "min-side/kursbevis/<int:certificate_id>/pdf/",
        certificate_views.certificate_pdf,
        name="pdf",
    ),
]
