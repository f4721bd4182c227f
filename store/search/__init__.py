"""Search: the query language, tokens, and the inverted index with its file."""
