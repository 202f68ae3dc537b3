"""The foundation every stage shares: languages and wording, URLs, today, the cache, tables."""
