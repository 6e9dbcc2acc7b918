"""What the table editor accepts in a cell and in a pasted block.

The rules are the domain's (report.values, shared with the wizard and the checker); the editor
imports them from here so that its cell values and the wizard's boxes can never disagree.
"""

from report.values import CellSpec, CellValueError, join_block, parse_cell, split_block

__all__ = ["CellSpec", "CellValueError", "join_block", "parse_cell", "split_block"]
