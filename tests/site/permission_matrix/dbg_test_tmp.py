import pytest
from django.test import RequestFactory
from tests.site.permission_matrix.world import build_world

@pytest.mark.django_db
def test_dbg():
    w = build_world()
    from wagtail.models import ReferenceIndex
    from mentornett import documents
    doc = w.objects["members_document"]
    print("refs", list(ReferenceIndex.get_references_to(doc).values_list("object_id","model_path","base_content_type_id")))
    print("sources", documents._live_sources(doc))
    print("body", w.pages["network.NetworkResourcePage"].body.raw_data)
    r = RequestFactory().get("/")
    for role in ["member_a", "editor"]:
        r.user = w.users[role]
        print(role, documents.may_view_document(r, doc))
