"""The domain of nianbao: form definitions, the report document, the checker and exports.

Imports neither Qt nor TinyDB, so every headless command and test can use it alone.
"""

__version__ = "0.1.0"
