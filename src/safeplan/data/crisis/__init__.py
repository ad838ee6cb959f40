"""Data files of the offline crisis directory (see docs/crisis-directory.md)."""
