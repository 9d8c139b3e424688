"""Editors' documents (Wagtail documents): checked by content when uploaded, and
served only to people who may see a live page that links them.

A document is public because a page is, not because its address is known: the
serve view (`wagtaildocs_serve`) asks `may_view_document()` through the
`before_serve_document` hook in wagtail_hooks.py. Editors who may change or
choose the document always may; anyone else needs a live page that references it
(Wagtail's reference index) and that they may view: the page's view restrictions,
and the member checks of the page types in the apps' `documents` modules
(RULE_MODULES). A document no
page links is not found, except by editors. The collection's own view
restrictions still apply on top (Wagtail's hook runs after this one).
"""

import os
import secrets
from dataclasses import dataclass
from importlib import import_module

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Exists, OuterRef, Value
from django.utils.module_loading import import_string
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.documents.forms import BaseDocumentForm
from wagtail.models import Page, PageViewRestriction, ReferenceIndex
from wagtail.permissions import policy_registry

from mentornett.uploads import FileKind, validate_upload

# What editors may upload as documents, by extension; keep in sync with
# WAGTAILDOCS_EXTENSIONS in settings/base.py.
DOCUMENT_KINDS = {
    "pdf": FileKind.PDF,
    "docx": FileKind.DOCX,
    "odt": FileKind.ODT,
    "mp4": FileKind.MP4,
    "vtt": FileKind.VTT,
}


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE) that also checks
    the content against the extension, and stores the file under a new name."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if not isinstance(file, UploadedFile):
            return file  # unchanged, or missing: the field has said so
        stem, extension = os.path.splitext(file.name)
        kind = DOCUMENT_KINDS.get(extension.lstrip(".").lower())
        if kind is None:
            raise ValidationError(
                _("Documents may be PDF, DOCX, ODT, MP4 (films) or WebVTT (captions)."),
                code="file_type",
            )
        try:
            validate_upload(file, allowed=[kind])
        except ValidationError as error:
            if error.code != "file_type":
                raise
            raise ValidationError(
                _(
                    "The file is named .%(extension)s, but its content is not %(kind)s. "
                    "Export it again as %(kind)s, or choose the right file."
                ),
                code="file_type",
                params={"extension": kind.extension, "kind": kind.label},
            ) from error
        # A readable download name that cannot be guessed, whatever the editor named it.
        base = slugify(stem)[:60] or "dokument"
        file.name = f"{base}-{secrets.token_hex(8)}.{kind.extension}"
        return file

    def _post_clean(self):
        # The model's own extension check would add a second, vaguer message to a
        # file this form has refused already.
        refused = self._errors["file"].copy() if "file" in self._errors else None
        super()._post_clean()
        if refused:
            self._errors["file"] = refused


# --- who may download a document ---------------------------------------------------

PUBLIC = "public"
SIGNED_IN = "signed_in"
MEMBER = "member"


@dataclass(frozen=True)
class Audience:
    """Who a page shows a document to: everyone, anyone signed in, or the
    members of one learning network."""

    kind: str
    network_id: int | None = None


@dataclass(frozen=True)
class Source:
    """A live page that references the document, and the fields it does so in."""

    pk: int
    path: str
    model: type
    fields: frozenset[str]


def may_view_document(request, document) -> bool:
    """The query count does not grow with the number of pages linking the document."""
    user = request.user
    permission_policy = policy_registry.get_by_type(get_document_model())
    if _signed_in(user) and permission_policy.user_has_any_permission_for_instance(
        user, ["change", "choose"], document
    ):
        return True
    sources = _live_sources(document)
    if not sources:
        return False
    tree = _tree(request, sources)
    rules = _page_rules()
    audiences = {
        rules.get(source.model, _public)(source, tree)
        for source in sources
        if tree.may_view(request, source.path)
    }
    return _admits(user, audiences - {None})


def _signed_in(user) -> bool:
    return user.is_authenticated and user.is_active


def _live_sources(document) -> list[Source]:
    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.get_references_to(document).filter(base_content_type=page_type)
    fields_by_page: dict[int, set[str]] = {}
    for object_id, model_path in references.values_list("object_id", "model_path"):
        if object_id.isdigit():
            fields_by_page.setdefault(int(object_id), set()).add(model_path.split(".")[0])
    if not fields_by_page:
        return []
    # An alias shows its source's content under the source's restrictions: the
    # source page answers for it.
    pages = Page.objects.filter(pk__in=fields_by_page, live=True, alias_of__isnull=True)
    sources = []
    for pk, path, type_id in pages.values_list("pk", "path", "content_type_id"):
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is not None:  # a page type whose code is gone shows nothing
            sources.append(Source(pk, path, model, frozenset(fields_by_page[pk])))
    return sources


@dataclass(frozen=True)
class Tree:
    """The pages on the way down to the sources, by path, and the view
    restrictions on any of them, each with whether the person is in its groups."""

    pages: dict
    restrictions: list

    def may_view(self, request, path: str) -> bool:
        """PageViewRestriction.accept_request for the page and its ancestors."""
        user = request.user
        passed = request.session.get(PageViewRestriction.passed_view_restrictions_session_key, [])
        for pk, restricted_path, restriction_type, in_group in self.restrictions:
            if not path.startswith(restricted_path):
                continue
            if restriction_type == PageViewRestriction.PASSWORD and pk not in passed:
                return False
            if restriction_type == PageViewRestriction.LOGIN and not user.is_authenticated:
                return False
            if restriction_type == PageViewRestriction.GROUPS and not (
                user.is_superuser or in_group
            ):
                return False
        return True


def _tree(request, sources: list[Source]) -> Tree:
    step = Page.steplen
    paths = {s.path[:end] for s in sources for end in range(step, len(s.path) + 1, step)}
    pages = Page.objects.filter(path__in=paths).values(
        "pk", "path", "live", "coursepage__open_access"
    )
    user = request.user
    if user.is_authenticated:
        memberships = PageViewRestriction.groups.through.objects.filter(
            pageviewrestriction=OuterRef("pk"), group__user=user
        )
        in_group = Exists(memberships)
    else:
        in_group = Value(False)
    restrictions = (
        PageViewRestriction.objects.filter(page__path__in=paths)
        .annotate(in_group=in_group)
        .values_list("pk", "page__path", "restriction_type", "in_group")
    )
    return Tree(pages={row["path"]: row for row in pages}, restrictions=list(restrictions))


# --- page types that show content to fewer people than their view restrictions say


def _public(source: Source, tree: Tree) -> Audience:
    return Audience(PUBLIC)


# Apps whose page types show documents to fewer people than their view
# restrictions say, by dotted path, so this module stays below the apps. Each
# module has PAGE_RULES, {page model: rule(source, tree) -> Audience | None}.
RULE_MODULES = ["courses.documents", "network.documents"]
# Whether a person is a member of any of the learning networks (ids) given.
MEMBER_CHECK = "network.documents.is_member_of_any"


def _page_rules() -> dict:
    """Page types whose serve() lets fewer people in than Wagtail would; every
    other page shows its documents to whoever may view it. A test checks that
    every page type overriding serve() is either here or known to be public."""
    rules = {}
    for path in RULE_MODULES:
        rules.update(import_module(path).PAGE_RULES)
    return rules


def _admits(user, audiences: set[Audience]) -> bool:
    if Audience(PUBLIC) in audiences:
        return True
    if not audiences or not _signed_in(user):
        return False
    if Audience(SIGNED_IN) in audiences or user.is_superuser:
        return True
    network_ids = {audience.network_id for audience in audiences}
    return import_string(MEMBER_CHECK)(user, network_ids)
