"""A cache of compiled templates for the theme's Jinja environment."""
from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class TemplateCache(BytecodeCache):
    """Compiled templates kept in memory (Jinja's documented cache interface): each language pass
    gets a fresh environment and would otherwise compile every template again. Jinja checks each
    entry against its template's source, so an edited template under 'serve' is compiled anew."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


TEMPLATE_CACHE = TemplateCache()
