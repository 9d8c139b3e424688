from django.core.exceptions import ValidationError


class NetworkError(ValidationError):
    """A domain rule of learning networks or the mentor scheme was broken; the message
    is a whole, translated sentence for the person."""


class MunicipalityImportError(NetworkError):
    pass


class TeamError(NetworkError):
    pass


class SubmissionError(NetworkError):
    pass


class AgreementError(NetworkError):
    pass


class MeasurementError(NetworkError):
    pass
