"""Benchmarks: run as scripts, never as part of the test suite's pass/fail."""
