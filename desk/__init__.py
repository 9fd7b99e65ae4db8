"""ClearDesk core: the domain and (later) the live pipeline. No Qt here."""

__version__ = "0.1.0"
