"""What every ``claimdiff`` command shares: one-line errors and the database option."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from claimdiff.model import ClaimDiffError

F = TypeVar("F", bound=Callable[..., Any])


def _fail(message: str) -> None:
    click.echo(f"claimdiff: error: {message}", err=True)
    sys.exit(1)


def one_line_errors(func: F) -> F:
    """Turn every failure into exit code 1 and one line on stderr, never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ClaimDiffError as error:
            _fail(str(error))
        except KeyboardInterrupt:
            click.echo("claimdiff: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            _reader_gone()
        except Exception as error:
            _fail(f"unexpected {type(error).__name__}: {error}".splitlines()[0])
        return None

    return wrapper  # type: ignore[return-value]


SIGPIPE_EXIT = 141
"""Exit code of a command whose reader stopped reading, as a shell reports one killed by
SIGPIPE (128 + 13)."""


def _reader_gone() -> None:
    """End quietly when the output's reader has gone ("claimdiff claims 3 | head"): there
    is no one to tell. Output still buffered would fail again at exit, so it goes nowhere."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(SIGPIPE_EXIT)


db_option = click.option(
    "--db",
    "db",
    metavar="URL",
    default=None,
    help="Database URL (default: SQLite in the user data folder; "
    "postgresql+psycopg://... for teams).",
)
