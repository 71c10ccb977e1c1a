"""Date formats per language (Django's FORMAT_MODULE_PATH), read by home.dates."""
