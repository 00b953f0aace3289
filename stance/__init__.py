"""stance: dated events and country positions from news articles, as pandas tables."""
from __future__ import annotations

from .pipeline import PARSER_VERSION, Tables, parse_corpus, parse_source, parse_text

__all__ = ["PARSER_VERSION", "Tables", "parse_corpus", "parse_source", "parse_text"]
