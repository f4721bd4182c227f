"""Pressroom's presentation layer: the Textual browser and the command line."""

import os

__version__ = "0.1.0"

# Textual repaints at most TEXTUAL_FPS times a second, so a result waits up to
# one period for its frame: at the default 60 that alone is a keystroke's
# whole 16 ms budget. Set before Textual is imported; the user may override.
os.environ.setdefault("TEXTUAL_FPS", "120")
