from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mentornett.uploads import private_storage, private_upload_to

from .networks import Team


class CollaborationAgreement(models.Model):
    """A municipality's agreement to take part in a network. Its text is copied
    from the network when the agreement is made, so later edits to the network's
    text never change what was signed. Signed in the site by the municipality's
    top leader and the team coordinator (or uploaded as a signed scan), then
    countersigned by an organiser."""

    team = models.OneToOneField(Team, on_delete=models.CASCADE, related_name="agreement")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    leader_name = models.CharField(_("name"), max_length=150, blank=True)
    leader_title = models.CharField(_("position"), max_length=150, blank=True)
    leader_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    leader_signed_at = models.DateTimeField(null=True, blank=True)
    leader_ip = models.GenericIPAddressField(null=True, blank=True)

    coordinator_name = models.CharField(max_length=150, blank=True)
    coordinator_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    coordinator_signed_at = models.DateTimeField(null=True, blank=True)
    coordinator_ip = models.GenericIPAddressField(null=True, blank=True)

    scan = models.FileField(
        storage=private_storage, upload_to=private_upload_to("agreements"), blank=True
    )
    scan_uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    scan_uploaded_at = models.DateTimeField(null=True, blank=True)

    countersigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    countersigned_name = models.CharField(max_length=150, blank=True)
    countersigned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("collaboration agreement")
        verbose_name_plural = _("collaboration agreements")

    def __str__(self):
        return str(self.team)

    @property
    def signed_in_site(self) -> bool:
        return self.leader_signed_at is not None and self.coordinator_signed_at is not None

    @property
    def municipality_signed(self) -> bool:
        return self.signed_in_site or bool(self.scan)

    @property
    def is_complete(self) -> bool:
        return self.municipality_signed and self.countersigned_at is not None
