"""ClearDesk user interface (PySide6). Talks to the core in ``desk`` only."""
