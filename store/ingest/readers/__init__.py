"""One reader per source format, each turning a file's bytes into drafts."""
