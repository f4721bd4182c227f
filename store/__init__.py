"""Pressroom's domain layer: records, parsing, the TinyDB store, search and contacts.

Nothing here imports ``textual`` or ``rich``: every figure a screen shows can be
computed by a plain function of this package.
"""
