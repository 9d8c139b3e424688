"""The mentor scheme's domain errors. Each carries a code and a whole,
translated sentence for the person; views show the sentence, tests assert on
the code."""

from network.errors import NetworkError


class ApplicationError(NetworkError):
    pass


class HubError(NetworkError):
    pass


class EquipmentError(NetworkError):
    pass
