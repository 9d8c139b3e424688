"""Background work for accounts: the daily retention run."""

from .retention import purge_expired_data


def purge_expired_data_task():
    return purge_expired_data()
