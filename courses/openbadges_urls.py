from django.urls import path

from . import certificate_views

app_name = "openbadges"

urlpatterns = [
    path(".well-known/jwks.json", certificate_views.jwks, name="jwks"),
    path("openbadges/issuer", certificate_views.issuer, name="issuer"),
]
