"""Data files: the official formats, the report file schema, sentence templates, fonts, icons."""
