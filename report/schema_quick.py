"""A quick yes-or-no check of a report file against resources/schema/report-1.json.

Importing jsonschema costs 50–110 ms (attrs, referencing, its format checkers): a third of a
whole-process PDF export and of opening the window, paid for every report read, although the
report files the program reads are nearly always valid. This check walks the schema itself and
understands exactly the keywords our schema uses. A file it accepts is valid; anything else goes
to jsonschema (report/schema.py), which decides and names every problem in Chinese. A keyword it
does not know makes it answer "not accepted", so it can only send work to jsonschema, never let
an invalid file through; tests/test_schema_quick.py checks that both agree.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from functools import cache
from typing import Any

from report import resources

_ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "title", "description", "$comment", "then", "else"})


@cache
def schema() -> dict:
    with open(resources.path("schema", "report-1.json"), encoding="utf-8") as fh:
        return json.load(fh)


def is_int(value: Any) -> bool:
    """The schema's integer: an int or an integral Decimal (3.0 in a file), never a bool."""
    if isinstance(value, bool):
        return False
    if isinstance(value, Decimal):
        return value.is_finite() and value == value.to_integral_value()
    return isinstance(value, int)


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "null": lambda v: v is None,
    "boolean": lambda v: isinstance(v, bool),
    "integer": is_int,
    "number": is_number,
}


def accepts(data: Any) -> bool:
    """True only if ``data`` is a valid report file; False means "ask jsonschema"."""
    try:
        return _ok(schema(), data)
    except (ArithmeticError, TypeError):  # e.g. a NaN compared with a bound: let jsonschema say
        return False


def _ok(s: dict, v: Any) -> bool:
    for key, arg in s.items():
        check = _KEYWORDS.get(key)
        if check is None:
            if key in _ANNOTATIONS:
                continue
            return False  # a keyword this check does not understand: jsonschema decides
        if not check(arg, v, s):
            return False
    return True


def _type(arg, v, s) -> bool:
    return any(_TYPES[t](v) for t in ([arg] if isinstance(arg, str) else arg))


def _properties(arg, v, s) -> bool:
    return not isinstance(v, dict) or all(_ok(sub, v[k]) for k, sub in arg.items() if k in v)


def _additional(arg, v, s) -> bool:
    if not isinstance(v, dict) or arg is True:
        return True
    known = s.get("properties", {})
    extra = [k for k in v if k not in known]
    return not extra if arg is False else all(_ok(arg, v[k]) for k in extra)


def _ref(arg, v, s) -> bool:
    prefix = "#/$defs/"
    return arg.startswith(prefix) and _ok(schema()["$defs"][arg[len(prefix):]], v)


def _if(arg, v, s) -> bool:
    branch = s.get("then") if _ok(arg, v) else s.get("else")
    return branch is None or _ok(branch, v)


def _const(arg, v, s) -> bool:
    return isinstance(arg, str) and v == arg  # our schema's constants are all strings


_KEYWORDS = {
    "type": _type,
    "properties": _properties,
    "additionalProperties": _additional,
    "required": lambda arg, v, s: not isinstance(v, dict) or all(k in v for k in arg),
    "propertyNames": lambda arg, v, s: not isinstance(v, dict) or all(_ok(arg, k) for k in v),
    "oneOf": lambda arg, v, s: sum(_ok(sub, v) for sub in arg) == 1,
    "allOf": lambda arg, v, s: all(_ok(sub, v) for sub in arg),
    "if": _if,
    "$ref": _ref,
    "const": _const,
    "enum": lambda arg, v, s: any(_const(e, v, s) for e in arg),
    "minimum": lambda arg, v, s: not is_number(v) or v >= arg,
    "maximum": lambda arg, v, s: not is_number(v) or v <= arg,
    "minLength": lambda arg, v, s: not isinstance(v, str) or len(v) >= arg,
    "maxLength": lambda arg, v, s: not isinstance(v, str) or len(v) <= arg,
    "pattern": lambda arg, v, s: not isinstance(v, str) or re.search(arg, v) is not None,
}
