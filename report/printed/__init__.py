"""What is printed: the one format-neutral model of a report that every writer renders.

``items()`` lists the report's printed items in order (title, headings, paragraphs, tables as
grids, signature, date, chart figures). The PDF (report.pdf), the Word file (report.docx), the
web page (report.html) and the Excel workbook (report.xlsx) only decide how an item looks,
never what is printed.
"""

from report.printed.items import Item, check_printable, document_title, issued_date, items

__all__ = ["Item", "check_printable", "document_title", "issued_date", "items"]
