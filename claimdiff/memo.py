"""Per-claim results computed once and kept while the claim object lives."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

Item = TypeVar("Item")
Result = TypeVar("Result")

_caches: list[dict[int, tuple[weakref.ref[Any], Any]]] = []


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


def clear() -> None:
    """Forget every memoised result (tests compare memoised and fresh results with it)."""
    for cache in _caches:
        cache.clear()
