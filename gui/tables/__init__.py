"""The table editor of the wizard: the official tables 表二、表三、表四 edited like a spreadsheet.

``TableEditor`` is imported lazily so that the Qt-free parts (``parsing``, ``header``) can be
used and tested without loading Qt.
"""


def __getattr__(name: str):
    if name == "TableEditor":
        from gui.tables.editor import TableEditor

        return TableEditor
    raise AttributeError(f"module 'gui.tables' has no attribute {name!r}")
