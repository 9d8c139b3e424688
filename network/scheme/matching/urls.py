"""Finn mentor's addresses, under the namespace "finn"."""

urlpatterns = []
