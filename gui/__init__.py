"""The desktop program (PySide6) and the ``nianbao`` entry point.

This package's ``main`` module imports no Qt, so headless commands stay Qt-free; every Qt
import lives under ``gui.qt`` and the window modules.
"""
