"""The static-site host that renders the chrome around our pages (MkDocs + Material today)."""
