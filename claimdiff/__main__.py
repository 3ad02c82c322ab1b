"""Allow ``python -m claimdiff``."""

from claimdiff.cli import main

main()
