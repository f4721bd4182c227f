"""The process around the browser: what Pressroom relies on in Textual's internals, in one module."""
