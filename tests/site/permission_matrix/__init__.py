"""Support for tests/site/test_permission_matrix.py: the world, the URL
arguments, the expectation table and the admin rules."""
