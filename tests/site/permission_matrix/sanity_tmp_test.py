import pytest
from django.db import connection
from tests.site.test_permission_matrix import matrix, _documents_on_disk, _check, _Writes, PATTERNS  # noqa
from tests.site.permission_matrix.table import URLS
from tests.site.permission_matrix.arguments import url_for
from mentornett.accounts.models import User


@pytest.mark.django_db
def test_leak_is_caught(matrix, monkeypatch):
    world, sessions = matrix
    monkeypatch.setattr("network.permissions.is_member", lambda user, team: user.is_authenticated)
    with pytest.raises(AssertionError) as e:
        _check(url_for(PATTERNS["network:team"], world), URLS["network:team"], sessions)
    print(str(e.value)[:600])


@pytest.mark.django_db
def test_writes_caught(matrix):
    w = _Writes()
    with connection.execute_wrapper(w):
        User.objects.filter(pk=1).update(full_name="x")
    assert w.statements
