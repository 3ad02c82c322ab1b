"""Entry point of the frozen bundle: `claimdiff` runs the CLI, `claimdiff-gui` the desktop app."""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    """Dispatch on the executable's own name, so both programs share one analysis."""
    name = Path(sys.executable if getattr(sys, "frozen", False) else sys.argv[0]).name
    if name.startswith("claimdiff-gui"):
        from ui.app import main as gui_main

        return int(gui_main() or 0)
    from claimdiff.cli import main as cli_main

    cli_main()  # click exits by itself
    return 0


if __name__ == "__main__":
    sys.exit(main())
