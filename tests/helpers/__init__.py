"""Scripts and builders the store's durability tests run in child processes."""
