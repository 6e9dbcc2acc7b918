"""F1: the guidance of the page (or of the field being typed in), from the form definition."""

from __future__ import annotations


def page_help(page) -> str:
    """The page title, then its guidance: the focused field's, or every field's on the page."""
    text = page.help_text()
    return f"{page.title()}\n\n{text}" if text else page.title()
