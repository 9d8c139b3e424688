"""How `make test` shares the suite between pytest-xdist's workers.

Most tests go to whichever worker is free, one at a time. A module that builds a
world once per module (a module-scoped fixture on the database) goes whole to one
worker, which builds that world once instead of once per worker; those modules
are listed here, and `check_whole_modules` keeps the list true at collection.

xdist's own way of saying this, the `xdist_group` mark under `--dist loadgroup`,
rewrites each test's node id, which pytest 9.2 no longer lets a plugin do: the
mark is silently ignored (pytest-xdist issue #1386). The scheduler below groups by
the module's path instead, with nothing rewritten.
"""

import pytest
from xdist.scheduler import LoadGroupScheduling

WHOLE_MODULES = frozenset(
    {
        "tests/events/test_demo.py",
        "tests/home/test_demo.py",
        "tests/network/test_demo.py",
        "tests/perf/test_national_dataset.py",
        "tests/perf/test_query_budgets.py",
        "tests/scheme/test_demo.py",
        "tests/site/test_permission_matrix.py",
    }
)


def module_of(nodeid):
    return nodeid.split("::", 1)[0]


class WholeModuleScheduling(LoadGroupScheduling):
    """`--dist loadgroup`, with the listed modules as groups. xdist sends the
    largest units first, so the worlds are built while the single tests keep the
    other worker busy, and every worker still gets its tests in collection order
    (the database tests that roll back before the transactional ones)."""

    def _split_scope(self, nodeid):
        module = module_of(nodeid)
        if module in WHOLE_MODULES:
            return module
        return super()._split_scope(nodeid)


def builds_a_world(item):
    definitions = getattr(item, "_fixtureinfo", None)
    if definitions is None or "django_db_setup" not in item.fixturenames:
        return False
    return any(
        fixturedefs[-1].scope == "module"
        for fixturedefs in definitions.name2fixturedefs.values()
        if fixturedefs
    )


def is_transactional(item):
    marker = item.get_closest_marker("django_db")
    return bool(
        marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
    )


def check_whole_modules(items):
    """A module that builds a world must be listed (or every worker builds it),
    and a listed module may hold no transactional test (its flush would come
    before the other worker's rollback tests are done with the world)."""
    for item in items:
        module = module_of(item.nodeid)
        if module in WHOLE_MODULES:
            if is_transactional(item):
                raise pytest.UsageError(
                    f"{item.nodeid} is transactional, but {module} goes whole to one "
                    "xdist worker: move the test to a module of its own."
                )
        elif builds_a_world(item):
            raise pytest.UsageError(
                f"{module} builds a world in a module-scoped fixture: add it to "
                "WHOLE_MODULES in tests/scheduling.py, so one xdist worker builds it once."
            )
