"""The print edition: turns the built site's chapters into one accessible, print-ready PDF (see scripts/pdf.py)."""
