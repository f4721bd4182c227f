"""``python -m tui``: the same as the ``pressroom`` command."""

from tui.cli import main

raise SystemExit(main())
