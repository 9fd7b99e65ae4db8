"""Bilingual content from ``resources/`` (CLEAR method, catalog, letters); Qt- and schema-free.

JSON is checked while the frozen dataclasses are built from their type hints; any problem is a
ContentError whose code is missing, invalid, version or unknown (a lookup by a bad key)."""

from __future__ import annotations

import json
import os
import string
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast, get_args, get_origin, get_type_hints

ENV_RESOURCES = "CLEARDESK_RESOURCES"
SUPPORTED_VERSION = 1
STEP_KEYS = ("C", "L", "E", "A", "R")
LETTER_FIELDS = frozenset({"customer_name", "date", "case_ref", "complaint", "resolution",
                           "prevention", "organisation", "signatory"})


class ContentError(Exception):
    """A content file is missing or malformed, or a key is unknown."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Text:
    zh: str
    en: str

    def get(self, lang: str) -> str:
        """``zh``, ``zh_CN``, ``zh-Hans``... get Chinese; every other language gets English."""
        return self.zh if lang.lower().startswith("zh") else self.en


T = TypeVar("T")


class _Lookup(Generic[T]):
    """``catalog.category("quality")``: the item with that key, else ContentError("unknown")."""

    def __init__(self, attr: str) -> None:
        self.attr = attr

    def __get__(self, obj: object, owner: type | None = None) -> Callable[[str], T]:
        def find(key: str) -> T:
            for item in getattr(obj, self.attr):
                if item.key == key:
                    return cast(T, item)
            raise ContentError("unknown", f"{self.attr}: no item with key {key!r}")
        return find


@dataclass(frozen=True)
class Named:
    """A keyed item with a bilingual name; the base of all catalog items."""
    key: str
    name: Text


@dataclass(frozen=True)
class Step(Named):
    order: int
    goal: Text
    principle: Text
    techniques: tuple[Text, ...]
    say: tuple[Text, ...]
    avoid: tuple[Text, ...]
    heard_when: Text


@dataclass(frozen=True)
class BuyTime:
    default_minutes: int
    choices_minutes: tuple[int, ...]
    phrases: tuple[Text, ...]
    warning: Text


@dataclass(frozen=True)
class Clear:
    steps: tuple[Step, ...]
    buy_time: BuyTime
    confirm_understanding: Text
    agitated_now: tuple[Text, ...]
    step = _Lookup[Step]("steps")


class Severity(Named): ...


class Solution(Named): ...


class Status(Named): ...


class Channel(Named): ...


class Department(Named): ...


@dataclass(frozen=True)
class Described(Named):
    description: Text


class Category(Described): ...


class Principle(Described): ...


@dataclass(frozen=True)
class ProcessStep(Described):
    order: int


@dataclass(frozen=True)
class Style(Named):
    signs: Text
    strategy: Text
    say: tuple[Text, ...]


@dataclass(frozen=True)
class Stage(Described):
    order: int
    do_now: Text


@dataclass(frozen=True)
class Catalog:
    categories: tuple[Category, ...]
    severities: tuple[Severity, ...]
    styles: tuple[Style, ...]
    solutions: tuple[Solution, ...]
    stages: tuple[Stage, ...]
    process: tuple[ProcessStep, ...]
    principles: tuple[Principle, ...]
    statuses: tuple[Status, ...]
    update_channels: tuple[Channel, ...]
    departments: tuple[Department, ...]

    category = _Lookup[Category]("categories")
    severity = _Lookup[Severity]("severities")
    style = _Lookup[Style]("styles")
    solution = _Lookup[Solution]("solutions")
    stage = _Lookup[Stage]("stages")
    process_step = _Lookup[ProcessStep]("process")
    principle = _Lookup[Principle]("principles")
    status = _Lookup[Status]("statuses")
    channel = _Lookup[Channel]("update_channels")
    department = _Lookup[Department]("departments")


def _build(tp: Any, value: object, where: str) -> Any:
    """Build ``tp`` (str, positive int, tuple[...] or one of the dataclasses) from JSON."""
    if tp is str:
        if not isinstance(value, str) or not value.strip():
            raise ContentError("invalid", f"{where}: expected a non-empty string")
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ContentError("invalid", f"{where}: expected a positive integer")
        return value
    if get_origin(tp) is tuple:
        if not isinstance(value, list) or not value:
            raise ContentError("invalid", f"{where}: expected a non-empty list")
        items = tuple(_build(get_args(tp)[0], v, f"{where}[{i}]") for i, v in enumerate(value))
        keys = [getattr(item, "key", None) for item in items]
        dupes = sorted({k for k in keys if k is not None and keys.count(k) > 1})
        if dupes:
            raise ContentError("invalid", f"{where}: duplicate key(s) {', '.join(dupes)}")
        orders = [getattr(item, "order", 0) for item in items]
        if any(orders) and orders != list(range(1, len(items) + 1)):
            raise ContentError("invalid", f"{where}: 'order' must run 1..{len(items)} in turn")
        return items
    if not isinstance(value, dict):
        raise ContentError("invalid", f"{where}: expected an object")
    hints = get_type_hints(tp)
    missing = [name for name in hints if name not in value]
    if missing:
        raise ContentError("invalid", f"{where}: missing {', '.join(missing)}")
    return tp(**{name: _build(t, value[name], f"{where}.{name}") for name, t in hints.items()})


def _read(path: Path) -> str:
    if not path.is_file():
        raise ContentError("missing", f"file not found: {path}")
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError("invalid", f"{path}: {exc}") from exc


def _load(resources: Path, name: str, cls: type[Any]) -> Any:
    path = Path(resources) / "content" / name
    try:
        data = json.loads(_read(path))
    except json.JSONDecodeError as exc:
        raise ContentError("invalid", f"{path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ContentError("invalid", f"{path}: expected a JSON object")
    if data.get("version") != SUPPORTED_VERSION:
        raise ContentError("version", f"{path}: unsupported version {data.get('version')!r}")
    return _build(cls, data, name)


def load_clear(resources_dir: Path) -> Clear:
    clear = cast(Clear, _load(resources_dir, "clear.json", Clear))
    if tuple(s.key for s in clear.steps) != STEP_KEYS:
        raise ContentError("invalid", f"clear.json.steps: must be {', '.join(STEP_KEYS)}")
    if clear.buy_time.default_minutes not in clear.buy_time.choices_minutes:
        raise ContentError("invalid", "clear.json.buy_time: default_minutes not in choices")
    return clear


def load_catalog(resources_dir: Path) -> Catalog:
    return cast(Catalog, _load(resources_dir, "catalog.json", Catalog))


def load_letter_template(resources_dir: Path, lang: str) -> string.Template:
    """The thank-you letter (感谢信) for ``lang``; placeholders are :data:`LETTER_FIELDS`."""
    path = Path(resources_dir) / "templates" / Text("letter_zh_CN.txt", "letter_en.txt").get(lang)
    template = string.Template(_read(path))
    for match in template.pattern.finditer(template.template):
        ident = match.group("named") or match.group("braced")
        if match.group("invalid") is not None or (ident and ident not in LETTER_FIELDS):
            raise ContentError("invalid", f"{path}: bad placeholder {match.group(0)!r}")
    return template


def resources_dir() -> Path:
    """``$CLEARDESK_RESOURCES``, else the PyInstaller bundle's, else the source tree's."""
    if env := os.environ.get(ENV_RESOURCES):
        return Path(env).expanduser()
    if getattr(sys, "frozen", False) and (meipass := getattr(sys, "_MEIPASS", None)):
        return Path(meipass) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
