"""Check that every collected test ran, in at least one of CI's pytest runs.

CI splits the suite between runs (PostgreSQL, SQLite, the reliability checks)
and a test may skip in one of them (PostgreSQL-only tests on SQLite). This
reads the list of every collected test and each run's JUnit XML report,
prints how many tests each run collected, passed, skipped and failed, how many
ran on both databases, and fails (exit 1) when a test ran nowhere: left out
of every run, or skipped in every run that holds it.

Usage: ``python .ci/tests_run.py collected.txt NAME=report.xml ...`` where
``collected.txt`` is the output of ``pytest --collect-only -q`` over the whole
suite.
"""

import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path


def junit_id(node_id: str) -> str:
    """The JUnit report's ``classname::name`` of a pytest node id."""
    path, *classes, name = node_id.split("::")
    classname = ".".join([path.removesuffix(".py").replace("/", "."), *classes])
    return f"{classname}::{name}"


def collected(path: Path) -> set[str]:
    lines = path.read_text().splitlines()
    return {junit_id(line) for line in lines if line.startswith("tests/")}


def outcomes(path: Path) -> dict[str, str]:
    """Each test's outcome in one report: passed, skipped or failed."""
    result: dict[str, str] = {}
    for case in ElementTree.parse(path).iter("testcase"):
        test = f"{case.get('classname')}::{case.get('name')}"
        if case.find("failure") is not None or case.find("error") is not None:
            outcome = "failed"
        elif case.find("skipped") is not None:
            outcome = "skipped"
        else:
            outcome = "passed"
        # A test with an error in its teardown is reported twice.
        if result.get(test) != "failed":
            result[test] = outcome
    return result


def main(arguments: list[str]) -> int:
    suite = collected(Path(arguments[0]))
    runs = {}
    for argument in arguments[1:]:
        name, _, report = argument.partition("=")
        runs[name] = outcomes(Path(report))

    print(f"Collected: {len(suite)} tests")
    for name, results in runs.items():
        counts = {o: list(results.values()).count(o) for o in ("passed", "skipped")}
        failed = len(results) - counts["passed"] - counts["skipped"]
        print(
            f"  {name:<12} {len(results):4} run: {counts['passed']} passed, "
            f"{counts['skipped']} skipped, {failed} failed"
        )
    ran = {
        name: {test for test, outcome in results.items() if outcome != "skipped"}
        for name, results in runs.items()
    }
    executions = sum(len(tests) for tests in ran.values())
    print(f"Test executions in all runs: {executions}")
    if {"postgresql", "sqlite"} <= ran.keys():
        both = ran["postgresql"] & ran["sqlite"]
        print(
            f"  on both databases: {len(both)}; on PostgreSQL only: "
            f"{len(ran['postgresql'] - ran['sqlite'])}; on SQLite only: "
            f"{len(ran['sqlite'] - ran['postgresql'])}"
        )
    never = sorted(suite - set().union(*ran.values()))
    unknown = sorted(set().union(*(r.keys() for r in runs.values())) - suite)
    if unknown:
        print(f"{len(unknown)} reported tests were not collected (suite changed?):")
        print("\n".join(f"  {test}" for test in unknown[:20]))
    if never:
        print(f"NEVER RUN: {len(never)} tests ran in no CI run:")
        print("\n".join(f"  {test}" for test in never))
        return 1
    print("Every collected test ran at least once.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
