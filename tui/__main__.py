"""``python -m tui``: the same as the ``pressroom`` command."""

from tui.cli.main import main

raise SystemExit(main())
