"""CapNum Desktop: run semi-structured field interviews offline, never lose a word."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("capnum-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
