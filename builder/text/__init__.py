"""The base layer: character knowledge every stage may use (none of it knows about pages or articles)."""
