"""The one error the print edition reports: a German message for the person who runs `make pdf`."""


class DruckFehler(Exception):
    """Something the PDF cannot be built without (missing page, missing nav, unreadable file)."""
