from django.conf import settings
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents.views import serve as document_views

from mentornett import views
from mentornett.byte_ranges import serve_byte_ranges
from mentornett.sitemaps import Sitemap

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": Sitemap}}, name="sitemap"),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document URLs, with byte ranges so films play on iPhones and can be skipped in.
    re_path(
        r"^dokumenter/(\d+)/(.*)$",
        serve_byte_ranges(document_views.serve),
        name="wagtaildocs_serve",
    ),
    path(
        "dokumenter/authenticate_with_password/<int:restriction_id>/",
        document_views.authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("konto/", include("allauth.urls")),
    path("", include("mentornett.accounts.urls")),
    path("", include("home.urls")),
    path("", include("courses.urls")),
    path("", include("courses.certificate_urls")),
    path("", include("courses.openbadges_urls")),
    path("", include("network.event_urls")),  # events.urls and team registration
    path("", include("network.urls")),
    path("", include("network.scheme.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

if getattr(settings, "MENTORNETT_BENCH", False):
    from mentornett import bench_views

    urlpatterns += [path("bench/floor", bench_views.floor, name="bench_floor")]

# Wagtail's page serving catches everything else, so it comes last.
urlpatterns += [path("", include(wagtail_urls))]

handler400 = "mentornett.views.bad_request"
handler403 = "mentornett.views.permission_denied"
handler404 = "mentornett.views.page_not_found"
handler500 = "mentornett.views.server_error"
