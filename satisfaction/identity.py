"""Who is acting, for the record kept beside every change: the operating-system user on the
command line (and for the dashboard when no sign-in is configured)."""

from __future__ import annotations

import getpass
import os


def os_user() -> str:
    """The login name of the user running this process, or ``uid N`` where there is none."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in the environment nor the password file
        return f"uid {os.getuid()}"
