"""Builders and child-process scripts shared by the tests."""
