"""The impact report for funders: figures for a period, from every app.

Apps contribute sections through the ``register_impact_section`` hook (see
``home.impact.sections``); this package holds what they share: periods
(``periods``), tables and small-count suppression (``tables``), SVG bar charts
(``charts``), the admin views (``views``) and the CSV and XLSX files
(``exports``).
"""

PERMISSION = "home.view_impact_report"
