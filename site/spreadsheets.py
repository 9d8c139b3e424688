"""Text that goes into CSV files people open in a spreadsheet program."""


def spreadsheet_safe(text) -> str:
    """Keep spreadsheet programs from running a cell as a formula: a cell that
    starts with = + - @ or a tab or carriage return gets a leading apostrophe."""
    text = str(text or "")
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
