"""Input and output at the edges: parsers, loading sources, export to JSON and tables."""
