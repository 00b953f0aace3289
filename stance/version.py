"""The release number: the package's version (pyproject reads it) and the base of PARSER_VERSION."""
__version__ = "1.0.0"
