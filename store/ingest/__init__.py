"""Ingestion: finding files, reading each format, decoding, limits, and extracting a release's parts."""
