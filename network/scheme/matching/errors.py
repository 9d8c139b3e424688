"""Finn mentor's domain errors. Each carries a code and a whole, translated
sentence for the person; views show the sentence on the field it concerns,
tests assert on the code."""

from network.errors import NetworkError

# --- profiles, municipality contacts and needs ---


class ProfileError(NetworkError):
    pass


class MunicipalityError(NetworkError):
    pass


# --- board: searches, proposals, notes, freshness ---


class SearchAnswerError(NetworkError):
    pass


class ProposalError(NetworkError):
    pass


class NoteError(NetworkError):
    pass


class ConfirmationError(NetworkError):
    pass


# --- directory and requests ---


class RequestError(NetworkError):
    """A request to mentors or hubs, or an answer to one, breaks a rule."""
