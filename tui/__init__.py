"""Pressroom's presentation layer: the Textual browser and the command line."""

__version__ = "0.1.0"
