"""What a change does to the measures, as German Markdown for reviewers: `make diff` (see macros/ausgabe/diff.py)."""

import sys

from macros.ausgabe.diff import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
