"""Extraction of a release's parts (headline, dateline, people, contacts...) from its text."""
