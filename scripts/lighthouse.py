"""Lighthouse scores of the built site: `make lighthouse` (see macros/entwicklung/lighthouse.py)."""

import sys

from macros.entwicklung.lighthouse import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
