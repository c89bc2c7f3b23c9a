"""Storage: engine and sessions, ORM models, keyword-only queries and Alembic migrations."""
