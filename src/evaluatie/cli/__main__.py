"""`python -m evaluatie.cli`: the same as the `evaluatie` command."""

import sys

from evaluatie.cli import main

sys.exit(main())
