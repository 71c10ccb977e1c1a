"""Audit the installed dependencies with pip-audit; fail on a fixable vulnerability.

pip-audit asks a vulnerability service (by default PyPI's JSON API, one page
per installed version) about every package in the virtual environment. This
wrapper:

- fails (exit 1) when a package has a known vulnerability with a fixed
  version, and lists the versions to upgrade to;
- reports, without failing, vulnerabilities that have no fix yet;
- says plainly when the service could not be used at all (no network, or a
  PyPI mirror without per-version pages, where pip-audit silently skips every
  package and reports "No known vulnerabilities found"). That case fails only
  with --require-service.

Run with the project's interpreter: ``.venv/bin/python .ci/audit_dependencies.py``.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from importlib import metadata
from pathlib import Path

PYPI = "https://pypi.org/pypi"
TIMEOUT = 15


def probe_pypi() -> str | None:
    """Why PyPI's JSON API cannot serve pip-audit, or None if it can."""
    version = metadata.version("pip")
    for url in (f"{PYPI}/pip/json", f"{PYPI}/pip/{version}/json"):
        try:
            with urllib.request.urlopen(url, timeout=TIMEOUT) as reply:
                json.load(reply)
        except urllib.error.HTTPError as error:
            if url.endswith(f"/{version}/json"):
                return (
                    f"{url} answered {error.code}: this PyPI (a mirror or proxy?) has "
                    "no per-version pages, which pip-audit needs"
                )
            return f"{url} answered {error.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            return f"{url} is unreachable ({error})"
    return None


def run_pip_audit(service: str) -> tuple[dict | None, str]:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "audit.json"
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip_audit",
                "--local",
                "--skip-editable",
                "--progress-spinner=off",
                f"--vulnerability-service={service}",
                f"--timeout={TIMEOUT}",
                "--format=json",
                f"--output={report}",
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
        # pip-audit exits 1 when it finds anything; the report says what.
        if not report.exists() or not report.read_text().strip():
            return None, (done.stderr or done.stdout).strip()
        return json.loads(report.read_text()), done.stderr.strip()


NOT_CHECKED = "No dependency was checked for known vulnerabilities."


def evaluate(report: dict, service: str, unusable: int) -> tuple[int, list[str]]:
    """The exit status and the lines to print for pip-audit's JSON report."""
    dependencies = report["dependencies"]
    audited = [d for d in dependencies if "vulns" in d]
    skipped = [d for d in dependencies if "skip_reason" in d]
    if not audited:
        reason = skipped[0]["skip_reason"] if skipped else "none given"
        return unusable, [
            f"pip-audit checked NONE of the {len(dependencies)} installed packages: "
            f"{service} knows none of their versions (first reason: {reason}).",
            NOT_CHECKED,
        ]
    fixable, unfixed = [], []
    for dependency in audited:
        for vulnerability in dependency["vulns"]:
            entry = (dependency["name"], dependency["version"], vulnerability)
            (fixable if vulnerability["fix_versions"] else unfixed).append(entry)
    lines = [f"pip-audit checked {len(audited)} of {len(dependencies)} packages."]
    lines += [f"  not checked: {d['name']}: {d['skip_reason']}" for d in skipped]
    for name, version, vulnerability in unfixed:
        lines.append(f"  no fix yet: {name} {version}: {vulnerability['id']}")
    for name, version, vulnerability in fixable:
        fixes = ", ".join(vulnerability["fix_versions"])
        lines.append(
            f"  VULNERABLE: {name} {version}: {vulnerability['id']}, fixed in {fixes}"
        )
    if fixable:
        lines.append(f"{len(fixable)} known vulnerabilities have a fix: upgrade.")
        return 1, lines
    lines.append("No known vulnerability with an available fix.")
    return 0, lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--service",
        choices=["pypi", "osv"],
        default="pypi",
        help="vulnerability service pip-audit asks (default: PyPI's JSON API)",
    )
    parser.add_argument(
        "--require-service",
        action="store_true",
        help="fail when the service cannot be used, instead of warning",
    )
    options = parser.parse_args()
    unusable = 2 if options.require_service else 0

    if options.service == "pypi":
        problem = probe_pypi()
        if problem:
            print(f"pip-audit NOT RUN: no vulnerability data from PyPI: {problem}.")
            print(NOT_CHECKED)
            return unusable

    report, errors = run_pip_audit(options.service)
    if report is None:
        last = errors.splitlines()[-1] if errors else "no output"
        print(f"pip-audit FAILED to query {options.service}: {last}")
        print(NOT_CHECKED)
        return unusable
    status, lines = evaluate(report, options.service, unusable)
    print("\n".join(lines))
    return status


if __name__ == "__main__":
    sys.exit(main())
