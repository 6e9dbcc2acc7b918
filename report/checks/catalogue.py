"""docs/rules.md: every rule the checker runs, with its severity and what it means, from the registry.

    python -m report.checks.catalogue > docs/rules.md

The meanings live in resources/rules/catalogue.toml; a registered rule without one is a
KeyError here and a failing test, so the list a reviewer reads cannot fall behind the checker.
"""

from __future__ import annotations

import tomllib

from report import resources
from report.checks import RULES
from report.checks.packs import KINDS, SEVERITY
from report.forms import common


def markdown() -> str:
    with open(resources.path("rules", "catalogue.toml"), "rb") as fh:
        meanings = tomllib.load(fh)
    labels = common()["severity"]
    pack_severity = "或".join(SEVERITY)
    lines = ["# 检查规则", "",
             "本文件由 `python -m report.checks.catalogue > docs/rules.md` 从检查程序的规则登记生成，"
             "请勿手工修改。", "",
             f"{labels['error']}：数字上不可能，未改正不能定稿；{labels['warning']}：审阅者会追问，不阻止定稿；"
             f"{labels['note']}：格式和完整性。", "",
             "| 规则 | 级别 | 含义 |", "|---|---|---|"]
    lines += [f"| {r.id} | {labels[r.severity]} | {meanings['rules'][r.id]} |" for r in RULES.values()]
    lines += ["", "## 地方要求", "",
              "在“设置”中选用、或用 `nianbao check FILE --pack ID` 指定的地方要求（`resources/rules/local/*.toml`）"
              f"按下列规则检查，级别由要求文件定（{pack_severity}，默认{list(SEVERITY)[0]}）。", "",
              "| 规则 | 含义 |", "|---|---|"]
    lines += [f"| {rule_id} | {meanings['packs'][rule_id]} |" for rule_id, _ in KINDS.values()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
