"""From validated data to pages: URLs, cross-references, safe HTML, in Dutch and English."""
