"""A catalogue of things the acts declare at import (procedures, terms): unique keys, and a
complete listing once every act's package is imported."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Catalogue(Generic[T]):
    def __init__(self, what: str, key: Callable[[T], str]):
        self._what = what
        self._key = key
        self._items: dict[str, T] = {}

    def declare(self, item: T) -> T:
        """Enter `item`; declaring a different item under a key already taken is an error."""
        key = self._key(item)
        existing = self._items.get(key)
        if existing is not None and existing is not item:
            raise ValueError(f"two {self._what} have the key {key!r}")
        self._items[key] = item
        return item

    def all(self) -> dict[str, T]:
        """Every declared item by key, once every act's package is imported."""
        from . import acts  # noqa: F401  (importing the acts declares what they hold)

        return dict(self._items)
