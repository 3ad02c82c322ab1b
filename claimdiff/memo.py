"""Per-claim results computed once and kept while the claim lives; a collector pause for bursts."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, TypeVar, cast

Item = TypeVar("Item")
Result = TypeVar("Result")

Key = TypeVar("Key")
Value = TypeVar("Value")

_caches: list[dict[Any, Any]] = []


def per_object(func: Callable[[Item], Result]) -> Callable[[Item], Result]:
    """Memoise a function of one immutable object by the object's identity.

    Claims are frozen, so a result computed from one claim object stays right
    for as long as that object lives. Keying by identity costs no hashing of
    the claim's nested tuples; a weak reference drops the entry when the claim
    is collected, so an id reused by a later object never sees a stale result.
    A result that is a list or a dict is handed out as a fresh copy each time,
    so a caller that changes it cannot change what the next caller gets.
    """
    cache: dict[int, tuple[weakref.ref[Any], Any]] = {}
    _caches.append(cache)

    def forget(ref: weakref.ref[Any], key: int) -> None:
        entry = cache.get(key)
        if entry is not None and entry[0] is ref:
            cache.pop(key, None)  # another thread may have dropped it meanwhile

    def compute(item: Item, key: int) -> Any:
        value = func(item)
        cache[key] = (weakref.ref(item, lambda ref: forget(ref, key)), value)
        return value

    # Called millions of times when many pairs are scored: one dict lookup and
    # one weak-reference call on a hit, nothing more.
    @wraps(func)
    def cached(item: Item) -> Result:
        key = id(item)
        entry = cache.get(key)
        found = entry[1] if entry is not None and entry[0]() is item else compute(item, key)
        kind = type(found)
        if kind is list or kind is dict:
            return cast(Result, kind(found))
        return cast(Result, found)

    return cached


class _Pauses:
    """How many ``collector_paused`` blocks run now, and whether to restart the collector."""

    lock = threading.Lock()
    depth = 0
    resume = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block: a burst of short-lived objects.

    Aligning 2 x 5,000 claims makes millions of tuples, lists and dicts, and each
    full collection they set off walks every live object (the claims, their
    profiles, a loaded spaCy model): a fifth of the alignment's time, for no
    garbage, since reference counting frees these at once. Cycles made meanwhile
    wait for the next collection. Blocks may nest and run on several threads at
    once: the collector restarts when the last one ends, if it ran before the first.
    """
    with _Pauses.lock:
        if _Pauses.depth == 0:
            _Pauses.resume = gc.isenabled()
            gc.disable()
        _Pauses.depth += 1
    try:
        yield
    finally:
        with _Pauses.lock:
            _Pauses.depth -= 1
            if _Pauses.depth == 0 and _Pauses.resume:
                gc.enable()


def registered(cache: dict[Key, Value]) -> dict[Key, Value]:
    """A module's own cache of results drawn from shipped data, emptied by ``clear`` too."""
    _caches.append(cache)
    return cache


def clear() -> None:
    """Forget every memoised result (tests compare memoised and fresh results with it)."""
    for cache in _caches:
        cache.clear()
