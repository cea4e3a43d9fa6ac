"""String tables: one module per page, each a ``ui.i18n.Strings`` with English and Korean."""
