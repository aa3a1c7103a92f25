"""Bundles and sync in the GUI: export, import (verification summary first), sync, conflicts, coordinator key."""
