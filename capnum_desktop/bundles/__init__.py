"""Bundles (`.capnum`): a zip with a manifest, grids, records as JSON Lines and audio, optionally age-encrypted.

Qt-free and database-agnostic apart from the record codec: services/ decide what goes in and how it merges.
"""
