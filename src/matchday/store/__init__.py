"""Storage: seasons, ties, matches and their posted events in a SQL database (SQLAlchemy)."""
