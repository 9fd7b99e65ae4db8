"""Entry script of the PyInstaller bundle (build.spec): the ``cleardesk`` command."""

from desk.cli import main

raise SystemExit(main())
