"""Qt-free writers of analysis exports: tables (CSV, XLSX, JSON) and REFI-QDA (.qdpx, .qdc)."""
