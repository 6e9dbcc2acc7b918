"""The bundle's entry point: the same ``nianbao`` command as the installed console script."""

import sys

from gui.main import main

if __name__ == "__main__":
    sys.exit(main())
