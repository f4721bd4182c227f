"""The archive on PostgreSQL, for a team sharing one archive: schema, store and the query in SQL."""
