"""The demo site: content as YAML and Markdown files, and the loader that reads them.

Installed only by the development and test settings (docs/data-model.md).
"""
