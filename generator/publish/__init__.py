"""After the pages are written: output checks, the Content-Security-Policy, the search index."""
