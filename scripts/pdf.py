"""The whole concept as an accessible A4 PDF: `make pdf` (see macros/ausgabe/druck/pdf.py for the options)."""

import sys

from macros.ausgabe.druck.pdf import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
