"""Frozen entry point of `capnum-desktop` (the windowed GUI); PyInstaller analyses from here.

CAPNUM_BUNDLE_PROBE=FILE (hidden, for tests/packaging): instead of the app, check the Qt run-time pieces the
bundle must carry and write the findings to FILE (see bundle_probe.py).
"""

import os
import sys

if __name__ == "__main__":
    if os.environ.get("CAPNUM_BUNDLE_PROBE"):
        from bundle_probe import run_probe

        sys.exit(run_probe(os.environ["CAPNUM_BUNDLE_PROBE"]))
    from capnum_desktop.app import main

    sys.exit(main())
