"""bundles layer."""
