"""Change history: what changed between two versions of the data, and when, from Git."""
