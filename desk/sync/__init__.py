"""Sync: the workstation client and the central service (``cleardesk serve``)."""
