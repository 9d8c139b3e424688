"""Who sees the documents a learning network's pages link (see
mentornett.documents): the resource pages and the members' part of the network
page are for the network's members."""

from django.contrib.auth import get_user_model
from django.db.models import Exists

from wagtail.models import Page

from mentornett.documents import MEMBER, PUBLIC, Audience, Source, Tree

from .models import LearningNetworkPage, NetworkResourcePage, NetworkStaff, TeamMembership


def resource_audience(source: Source, tree: Tree) -> Audience | None:
    """NetworkResourcePage.serve: the members of the parent network only."""
    network = tree.pages.get(source.path[: -Page.steplen])
    return Audience(MEMBER, network["pk"]) if network else None


# Keep in sync with LearningNetworkPage.members_panels: shown to members only.
NETWORK_MEMBER_FIELDS = frozenset({"members_body", "agreement_text"})


def network_audience(source: Source, tree: Tree) -> Audience:
    """LearningNetworkPage: the resource library is public, the members' part is not."""
    if source.fields <= NETWORK_MEMBER_FIELDS:
        return Audience(MEMBER, source.pk)
    return Audience(PUBLIC)


PAGE_RULES = {NetworkResourcePage: resource_audience, LearningNetworkPage: network_audience}


def is_member_of_any(user, network_ids: set[int]) -> bool:
    """network.permissions.can_see_shared for several networks in one query:
    the network's organisers and advisors, and its teams' members."""
    staff = NetworkStaff.objects.filter(person=user, network_id__in=network_ids)
    members = TeamMembership.objects.filter(person=user, team__network_id__in=network_ids)
    return (
        get_user_model()
        ._default_manager.filter(Exists(staff) | Exists(members), pk=user.pk)
        .exists()
    )
