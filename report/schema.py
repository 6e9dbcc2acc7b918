"""Validate parsed report files against resources/schema/report-1.json, in Chinese.

Every problem is reported with its JSON path (``$.t3.3.7.natural``) and what was expected,
so that a clerk or another tool's author can find and fix it.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

from report import schema_quick

MAX_LISTED = 5


@cache
def _validator():
    """The schema's validator, built once, the first time a file is not plainly valid: importing
    jsonschema costs more than reading and checking a valid report (report/schema_quick.py)."""
    import jsonschema

    base = jsonschema.Draft202012Validator
    types = base.TYPE_CHECKER.redefine_many({"integer": lambda _, v: schema_quick.is_int(v),
                                              "number": lambda _, v: schema_quick.is_number(v)})
    return jsonschema.validators.extend(base, type_checker=types)(schema_quick.schema())


def validate(data: Any) -> None:
    """Raise ReportFileError listing the first problems of an invalid report file."""
    from report.document import SCHEMA_ID, ReportFileError

    if not isinstance(data, dict):
        raise ReportFileError("$：报告文件应是一个 JSON 对象（以 { 开头）。")
    if data.get("schema") != SCHEMA_ID:
        raise ReportFileError(
            f"$.schema：不是本程序认识的报告文件（应为 \"{SCHEMA_ID}\"，实际为 {_show(data.get('schema'))}）。"
            "请确认文件来自年报助手或遵循同一格式的工具。")
    if schema_quick.accepts(data):
        return
    errors = sorted(_validator().iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.validator))
    if errors:
        lines = [_describe(e) for e in errors[:MAX_LISTED]]
        more = f"\n……另有 {len(errors) - MAX_LISTED} 处问题" if len(errors) > MAX_LISTED else ""
        raise ReportFileError("报告文件内容有误：\n" + "\n".join(lines) + more)


def _path(e) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in e.absolute_path)


def _show(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, str):
        return f"“{v[:20]}…”（{len(v)} 字）" if len(v) > 20 else f"“{v}”"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, Decimal, float)):
        return str(v)
    return "对象" if isinstance(v, dict) else "列表" if isinstance(v, list) else "其他值"


_KIND = {"integer": "整数", "null": "空（null）", "string": "文字", "object": "对象", "array": "列表",
         "number": "数字", "boolean": "true/false"}


def _kinds(kind) -> str:
    """「对象或空（null）」 for ``["object", "null"]``: a schema's type may be one name or a list."""
    names = kind if isinstance(kind, list) else [kind]
    return "或".join(_KIND.get(k, str(k)) for k in names)


def _allowed(schema: dict) -> str:
    if "const" in schema:
        return f"“{schema['const']}”"
    if "pattern" in schema and schema.get("type") == "string":
        return ("写成字符串的十进制数（最多 9 位整数、12 位小数，如 \"12.5\"）" if "0-9]{1," in schema["pattern"]
                else "日期字符串 YYYY-MM-DD")
    if schema.get("type") == "integer" and "maximum" in schema:
        return f"整数（绝对值不超过 {schema['maximum']}）"
    return _kinds(schema.get("type"))


def _describe(e) -> str:
    where, inst, v = _path(e), e.instance, e.validator
    if v == "oneOf":
        options = "、".join(_allowed(s) for s in e.validator_value)
        hint = ""
        if isinstance(inst, (Decimal, float)) and "十进制" in options:
            hint = "；金额请写成字符串，不要写成 JSON 数字，以免舍入"
        elif isinstance(inst, (Decimal, float)):
            hint = "；件数只能是整数"
        return f"{where}：应为 {options}，实际为 {_show(inst)}{hint}。"
    if v == "type":
        return f"{where}：应为{_kinds(e.validator_value)}，实际为 {_show(inst)}。"
    if v == "required":
        missing = [k for k in e.validator_value if k not in inst]
        return f"{where}：缺少必填项 {'、'.join(missing)}。"
    if v == "additionalProperties":
        known = set(e.schema.get("properties", {}))
        extra = [k for k in inst if k not in known]
        return f"{where}：有本格式不认识的项 {'、'.join(extra)}（请检查拼写和报告格式）。"
    if v in ("enum", "const"):
        allowed = e.validator_value if v == "enum" else [e.validator_value]
        return f"{where}：应为 {'、'.join(map(str, allowed))} 之一，实际为 {_show(inst)}。"
    if v == "maxLength":
        return f"{where}：文字过长（{len(inst)} 字，最多 {e.validator_value} 字）。"
    if v == "minimum":
        return f"{where}：不能小于 {e.validator_value}，实际为 {_show(inst)}。"
    if v == "maximum":
        return f"{where}：不能大于 {e.validator_value}，实际为 {_show(inst)}。"
    if "propertyNames" in e.schema_path:  # the instance is a key of the object at ``where``
        what = "年份应为四位数字，如 \"2022\"" if v == "pattern" else "类别名称应为 1–50 个字"
        return f"{where}：项名 {_show(inst)} 不符合要求（{what}）。"
    if v == "pattern":
        money = "0-9]{1," in e.validator_value
        hint = ("金额应为不超过 9 位整数、最多 12 位小数的数字字符串，如 \"12.5\"" if money
                else "日期请写成 YYYY-MM-DD，如 2023-01-16")
        return f"{where}：格式不对，实际为 {_show(inst)}（{hint}）。"
    if v == "minLength":
        return f"{where}：不能是空文字。"
    return f"{where}：不符合报告文件的格式（{v}），实际为 {_show(inst)}。"
