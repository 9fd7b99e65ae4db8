"""Entry script of the PyInstaller bundle (build.spec): the ``cleardesk`` command.

A bundle carries no package metadata, so the Qt front-end is handed to the core directly.
"""

from desk.cli import main
from ui.app import COMMANDS

raise SystemExit(main(frontend=COMMANDS))
