"""Storage for ClearDesk: SQLite schema, migrations, repositories, backup.

No Qt here, and the only package that contains SQL.
"""
