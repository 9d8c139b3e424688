from functools import wraps

from django.db import transaction


def atomic_post(view):
    """A view whose POST runs several services (save the draft, then send it)
    does all of it or none: a failure half-way leaves the database as it was.
    GET stays outside a transaction, so reading takes no write lock on SQLite."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "POST":
            with transaction.atomic():
                return view(request, *args, **kwargs)
        return view(request, *args, **kwargs)

    return wrapper
