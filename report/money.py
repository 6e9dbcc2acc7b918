"""Money as the formats print it: the decimal places each unit carries, to the fen.

Table 2's 行政事业性收费 is in 万元, and real reports print it exact to the fen with six
places (4166.241619 万元 = 41 662 416.19 元); 信息处理费 is in 元 with two. The table editor,
the checker and every writer use these figures, so that an amount the clerk may type is one
the checker accepts and the PDF prints unchanged.
"""

from __future__ import annotations

from decimal import Decimal

PLACES = {"万元": 6, "元": 2}


def places(unit: str) -> int:
    """The decimal places allowed for an amount in ``unit`` (to the fen)."""
    return PLACES[unit]


def decimals(v: Decimal) -> int:
    """Decimal places of ``v`` that carry a digit: trailing zeros (“1.50”) do not count."""
    exponent = v.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0
