"""The ``pressroom`` command line: its commands, their output, and the import progress bar."""
