"""The dependency audit's verdicts on pip-audit's JSON report.

The audit is .ci/audit_dependencies.py. The reports are written here in
pip-audit's format: CI cannot count on the vulnerability service being
reachable, and the verdicts matter most when it is.
"""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / ".ci" / "audit_dependencies.py"


@pytest.fixture(scope="module")
def audit():
    spec = importlib.util.spec_from_file_location("audit_dependencies", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _vulnerability(fixes: list[str]) -> dict:
    return {
        "id": "PYSEC-2099-1",
        "fix_versions": fixes,
        "aliases": [],
        "description": "",
    }


def test_a_vulnerability_with_a_fix_fails(audit):
    report = {
        "dependencies": [
            {
                "name": "django",
                "version": "5.2.0",
                "vulns": [_vulnerability(["5.2.1"])],
            },
            {"name": "wagtail", "version": "8.0.1", "vulns": []},
        ]
    }
    status, lines = audit.evaluate(report, "pypi", unusable=0)
    assert status == 1
    assert "  VULNERABLE: django 5.2.0: PYSEC-2099-1, fixed in 5.2.1" in lines


def test_a_vulnerability_without_a_fix_is_reported_but_passes(audit):
    report = {
        "dependencies": [
            {"name": "willow", "version": "1.12.0", "vulns": [_vulnerability([])]}
        ]
    }
    status, lines = audit.evaluate(report, "pypi", unusable=0)
    assert status == 0
    assert "  no fix yet: willow 1.12.0: PYSEC-2099-1" in lines


@pytest.mark.parametrize("required, expected", [(False, 0), (True, 2)])
def test_a_service_that_knows_no_installed_version_says_nothing_was_checked(
    audit, required, expected
):
    """What pip-audit does behind a PyPI mirror: skip all, say "no known ones"."""
    reason = "Dependency not found on PyPI and could not be audited: django (5.2.19)"
    report = {"dependencies": [{"name": "django", "skip_reason": reason}]}
    status, lines = audit.evaluate(report, "pypi", unusable=2 if required else 0)
    assert status == expected
    assert lines[-1] == "No dependency was checked for known vulnerabilities."
    assert "NONE of the 1 installed packages" in lines[0]
