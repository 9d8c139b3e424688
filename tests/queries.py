"""Counting what a page costs to render, for the query-count tests."""

from itertools import count

from django.db import connection
from django.test.utils import CaptureQueriesContext

_fresh = count()


def query_count(client, url):
    """Queries for one request, after a first one has warmed the caches. The
    query string keeps visitors' whole-page cache from answering."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{url}?q={next(_fresh)}")
    assert response.status_code == 200
    return len(queries)
