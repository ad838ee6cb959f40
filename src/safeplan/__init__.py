"""safeplan: a private, offline safety plan and self-care companion for the terminal."""

__version__ = "0.1.0"
