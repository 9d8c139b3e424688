"""Certificate verification codes: MN-XXXX-XXXX-XXXX-XXXC.

15 random symbols from Crockford's base-32 alphabet (75 bits) and one check
symbol computed with the Luhn mod N algorithm (N = 32), which catches every
single-symbol mistake. Codes are read case-insensitively, and the letters people
confuse with digits (O, I, L) are read as 0 and 1."""

import secrets
from dataclasses import dataclass

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
N = len(ALPHABET)
RANDOM_LENGTH = 15
PREFIX = "MN"
_VALUE = {symbol: index for index, symbol in enumerate(ALPHABET)}
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def check_symbol(symbols: str) -> str:
    """Luhn mod N over the symbols, rightmost first."""
    total = 0
    factor = 2
    for symbol in reversed(symbols):
        addend = factor * _VALUE[symbol]
        total += addend // N + addend % N
        factor = 1 if factor == 2 else 2
    return ALPHABET[(N - total % N) % N]


def new_code() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    return format_code(body + check_symbol(body))


def format_code(symbols: str) -> str:
    groups = [symbols[i : i + 4] for i in range(0, len(symbols), 4)]
    return "-".join([PREFIX, *groups])


@dataclass(frozen=True)
class ParsedCode:
    code: str | None  # the canonical form, when the input is a well-formed code
    problem: str | None  # "empty", "shape" or "check"


def parse_code(text: str) -> ParsedCode:
    """Read what a person typed. A well-formed code with a wrong check symbol is
    a typo, not an unknown certificate."""
    cleaned = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    if not cleaned:
        return ParsedCode(None, "empty")
    if cleaned.startswith(PREFIX) and len(cleaned) == len(PREFIX) + RANDOM_LENGTH + 1:
        cleaned = cleaned[len(PREFIX) :]
    cleaned = cleaned.translate(_CONFUSABLE)
    if len(cleaned) != RANDOM_LENGTH + 1 or any(ch not in _VALUE for ch in cleaned):
        return ParsedCode(None, "shape")
    if check_symbol(cleaned[:-1]) != cleaned[-1]:
        return ParsedCode(None, "check")
    return ParsedCode(format_code(cleaned), None)
