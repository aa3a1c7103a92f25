"""The dashboard: the interviews table, its filters and search, counts, and the resumption banner."""
