"""Time the long guide's cold render, here and at an earlier commit, in one run.

    python -m bench.render                    # this tree against HEAD
    python -m bench.render --baseline f9b3f53 # this tree against a commit
    python -m bench.render --only             # this tree alone

"Cold" is what issue 17 measures: no page cache (``PAGE_CACHE_SECONDS=0``),
Wagtail's own caches (settings, renditions, site root paths) warm after a few
requests. Each tree runs in its own process on the benchmark database
(``python -m bench.data``) with production settings; the trees take turns
over several rounds so the machine's load falls on both alike. The baseline
is exported with ``git archive`` into a temporary folder; nothing in the
working tree or the repository changes.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import environment

ROOT = Path(__file__).resolve().parent.parent
RENDERS = 30
ROUNDS = 3


def measure(url: str, renders: int) -> dict:
    """Median milliseconds and queries of a cold render of ``url`` in this process."""
    environment.configure()
    static_root = Path(tempfile.mkdtemp(prefix="bench-render-static-"))
    os.environ["STATIC_ROOT"] = str(static_root)
    os.environ["PAGE_CACHE_SECONDS"] = "0"

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    try:
        call_command("collectstatic", interactive=False, verbosity=0)
        client = Client(HTTP_HOST="localhost")
        for _ in range(3):  # renditions and settings rows are made once
            response = client.get(url)
        if response.status_code != 200:
            sys.exit(f"{url} answered {response.status_code}")
        queries = []
        with connection.execute_wrapper(
            lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
        ):
            client.get(url)
        times, cpu_times = [], []
        for _ in range(renders):
            started, cpu_started = time.perf_counter(), time.process_time()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            cpu_times.append((time.process_time() - cpu_started) * 1000)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
    return {
        "median_ms": statistics.median(times),
        # The process's own time: what a busy machine's database waits leave out.
        "cpu_ms": statistics.median(cpu_times),
        "queries": len(queries),
        "bytes": len(response.content),
    }


def _run(tree: Path, url: str, renders: int) -> dict:
    """Measure in a fresh process whose code is ``tree``."""
    command = [sys.executable, "-m", "bench.render", "--measure", url]
    command += ["--renders", str(renders)]
    result = subprocess.run(
        command, cwd=tree, capture_output=True, text=True, check=False
    )
    if result.returncode:
        sys.exit(f"Measuring in {tree} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _export(ref: str, into: Path) -> None:
    """Write the files of ``ref`` into ``into``, with this script beside them."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", ref],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    shutil.copy(Path(__file__), into / "bench" / "render.py")


def main(argv: list[str] | None = None) -> None:
    from bench.data import LONG_GUIDE_SLUG

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="HEAD", help="A commit to compare to.")
    parser.add_argument("--only", action="store_true", help="Measure this tree only.")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--renders", type=int, default=RENDERS)
    parser.add_argument("--url", default=f"/guides/{LONG_GUIDE_SLUG}/")
    parser.add_argument("--measure", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.measure:
        print(json.dumps(measure(args.measure, args.renders)))
        return

    trees = {"this tree": ROOT}
    with tempfile.TemporaryDirectory(prefix="bench-render-") as folder:
        if not args.only:
            baseline = Path(folder)
            _export(args.baseline, baseline)
            trees = {f"baseline {args.baseline}": baseline, **trees}
        results: dict[str, list[dict]] = {name: [] for name in trees}
        for number in range(args.rounds):
            for name, tree in trees.items():
                result = _run(tree, args.url, args.renders)
                results[name].append(result)
                print(
                    f"round {number + 1}  {name:<24} {result['median_ms']:7.2f} ms"
                    f"  {result['cpu_ms']:7.2f} ms CPU  {result['queries']:3d} queries"
                    f"  {result['bytes']:7d} bytes"
                )
    print(f"\n{args.url}, median of {args.renders} renders, median of rounds:")
    for key, label in (("median_ms", "server time"), ("cpu_ms", "CPU time")):
        medians = [statistics.median(r[key] for r in rows) for rows in results.values()]
        line = "  ".join(
            f"{name} {value:.2f} ms"
            for name, value in zip(results, medians, strict=True)
        )
        if len(medians) == 2:
            before, after = medians
            line += f"  change {100 * (after - before) / before:+.1f} %"
        print(f"  {label}: {line}")


if __name__ == "__main__":
    main()
