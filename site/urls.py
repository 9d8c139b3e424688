from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from mentornett import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumenter/", include(wagtaildocs_urls)),
    path("konto/", include("allauth.urls")),
    path("", include("mentornett.accounts.urls")),
    path("", include("home.urls")),
    path("", include("courses.urls")),
    path("", include("courses.certificate_urls")),
    path("", include("courses.openbadges_urls")),
    path("", include("events.urls")),
    path("", include("network.urls")),
    path("", include("network.scheme_urls")),
    path("", include("network.hub_urls")),
    path("", include("network.report_urls")),
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
