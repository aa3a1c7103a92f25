"""REFI-QDA exchange files: the project (.qdpx) and the codebook alone (.qdc)."""
