"""Finn mentor: the scheme's coordination platform (profiles, the directory,
ranked requests, published searches, municipality needs, the office's
matching board and the national overview)."""
