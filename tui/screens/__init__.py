"""Screens of the browser, one per module."""
