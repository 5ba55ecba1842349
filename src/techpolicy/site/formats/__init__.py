"""Formats Django lacks for a language of the site (FORMAT_MODULE_PATH): Django ships ru and en,
not kk."""
