"""CapNum Desktop: run semi-structured field interviews offline, never lose a word."""

# The one place the version is written (pyproject.toml reads it): reading it back through importlib.metadata
# cost 85 ms at every start.
__version__ = "0.1.0"
