"""What the wizard's boxes accept (the domain's rules, report.values) and how it counts characters.

Qt-free so the rules can be tested directly; an empty box is ``None`` (blank), never 0.
"""

from report.document import count_chars
from report.values import InputError, parse_count, parse_date, parse_money

__all__ = ["InputError", "count_chars", "parse_count", "parse_date", "parse_money"]
