"""The floor of `make bench`: the least a request through the whole middleware
stack costs, so page results can be read as a share of it. Routed only when
settings.MENTORNETT_BENCH is on."""

from django.http import HttpResponse


def floor(request):
    return HttpResponse(b"ok", content_type="text/plain")
