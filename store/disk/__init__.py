"""The store on disk: atomic storage, the lock, the release store, and files derived from it."""
