"""A report on the measures between two states of the concept, as German Markdown (and a PDF): make bericht.

See macros/ausgabe/bericht.py.
"""

import sys

from macros.ausgabe.bericht import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
