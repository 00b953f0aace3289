"""stance: dated events and country positions from news articles, as pandas tables."""
from __future__ import annotations

from .pipeline import PARSER_VERSION, Tables, parse_corpus, parse_source, parse_text
from .version import __version__

__all__ = ["PARSER_VERSION", "Tables", "__version__", "parse_corpus", "parse_source", "parse_text"]
