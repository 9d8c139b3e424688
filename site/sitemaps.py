"""The sitemap: Wagtail's, with the default site's pages at SITE_URL
(mentornett.links.absolute), as in the pages' canonical links."""

from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from .links import absolute


class Sitemap(WagtailSitemap):
    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        site = self.get_wagtail_site()
        if site.is_default_site:
            # A second Wagtail site keeps the address its Site row gives.
            for url in urls:
                url["location"] = absolute(url["location"].removeprefix(site.root_url))
        return urls
