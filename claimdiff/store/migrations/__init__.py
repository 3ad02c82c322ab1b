"""Alembic migrations of the ClaimDiff schema, run by claimdiff.store.migrate."""
