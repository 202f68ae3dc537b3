"""What the strategy measures, computed from the site's own records: the effort goals."""
