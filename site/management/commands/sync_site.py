from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Site

from mentornett import content_cache
from mentornett.sites import SiteAddressTaken, sync_default_site


class Command(BaseCommand):
    help = (
        "Give the default Wagtail site the name and address in the settings "
        "(SITE_NAME, SITE_URL). Run after migrate on every deploy."
    )

    def handle(self, *args, **options):
        try:
            changes = sync_default_site(Site)
        except SiteAddressTaken as error:
            raise CommandError(f"{error} Change that site or SITE_URL.") from error
        # The migration that first set the address sends no signals, so whatever
        # cached the old one (Wagtail's site paths, the cached site) is dropped here.
        Site.clear_site_root_paths_cache()
        content_cache.bump()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default Wagtail site. Run migrate first.")
        if changes:
            self.stdout.write(f"Default site: {site.site_name} at {site.root_url} (was changed).")
        else:
            self.stdout.write(f"Default site: {site.site_name} at {site.root_url} (unchanged).")
        url = urlsplit(settings.SITE_URL)
        if site.root_url != f"{url.scheme}://{url.netloc}" or url.path.strip("/"):
            # Wagtail writes any port but 443 as http:// and knows no path prefix.
            self.stderr.write(
                f"Wagtail's own links will read {site.root_url}, not {settings.SITE_URL}: "
                "it can only show https on port 443 and no path. Pages, e-mails and the "
                "sitemap still use SITE_URL."
            )
