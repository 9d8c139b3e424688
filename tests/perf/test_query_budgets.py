"""Every page `make bench` measures makes a fixed number of SQL queries: the
same on a national dataset three times larger, and no more than its budget
in scenarios.py. The pages are rendered without the visitors' page cache, so
the count is what a page costs when it is built."""

from io import StringIO

import pytest

from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

from .scenarios import QUERY_BUDGETS, SCENARIOS, count_queries

# Also what makes pytest-django set up the test database that the module-scoped
# fixture below builds in (without it, the fixture would reach the real one).
pytestmark = pytest.mark.django_db

SMALL, LARGE = 0.01, 0.03
SEED = 7
MEASURED = [scenario for scenario in SCENARIOS if not scenario.bench_only]


def _build_and_count(scale) -> dict[str, tuple[int, int]]:
    call_command(
        "build_national_dataset",
        scale=scale,
        seed=SEED,
        password="mentornett-bench",
        stdout=StringIO(),
    )
    # The network of the organiser_dashboard_national scenario.
    call_command("build_dashboard_network", scale=scale, seed=SEED, stdout=StringIO())
    cache.clear()
    counts = {}
    for scenario in MEASURED:
        url, user = scenario.resolve()
        counts[scenario.name] = count_queries(url, user, page_cache=False)
    return counts


@pytest.fixture(scope="module")
def counts(django_db_setup, django_db_blocker):
    """(status, queries) per scenario at each scale. Each build is rolled back,
    so the two datasets never meet and the test database stays empty."""
    measured = {}
    with pytest.MonkeyPatch.context() as patch, django_db_blocker.unblock():
        # The dataset's public password is refused outside DEBUG unless asked for.
        patch.setenv("MENTORNETT_BENCH", "1")
        for scale in (SMALL, LARGE):
            with transaction.atomic():
                measured[scale] = _build_and_count(scale)
                transaction.set_rollback(True)
            cache.clear()
    return measured


@pytest.mark.parametrize("name", [scenario.name for scenario in MEASURED])
def test_page_queries_do_not_grow_with_the_data_and_stay_within_budget(counts, name):
    small_status, small = counts[SMALL][name]
    large_status, large = counts[LARGE][name]
    assert (small_status, large_status) == (200, 200)
    assert small == large, f"{name}: {small} queries on the small dataset, {large} on the large"
    assert large <= QUERY_BUDGETS[name], f"{name}: {large} queries"


def test_every_measured_page_has_a_budget():
    assert {scenario.name for scenario in MEASURED} == set(QUERY_BUDGETS)
