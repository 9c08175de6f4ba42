"""Command line: ``python -m kenniskaart validate [PATH]``: load the content and run every check
of the validator (``content.checks.CHECKS``) on it."""

from __future__ import annotations

import argparse
import sys

# the modules that declare the content ids they rely on (``named_in_code``) before the checks run
from . import aanbeveler, guidance, planscan, presentatie  # noqa: F401 - imported for the declarations above
from .content import ContentInvalid, load_content, run_checks
from .vocabulary import COUNT_LABELS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kenniskaart")
    sub = parser.add_subparsers(dest="command", required=True)
    val = sub.add_parser("validate", help="valideer de inhoud (standaard: content/)")
    val.add_argument("path", nargs="?", default=None)
    args = parser.parse_args(argv)

    try:
        kk = load_content(args.path)
    except ContentInvalid as exc:
        print(f"Inhoud ongeldig: {len(exc.issues)} fout(en)")
        for issue in exc.issues:
            print(f"- {issue}")
        return 1
    errors, warnings = run_checks(kk)
    if errors:
        print(f"Inhoud ongeldig: {len(errors)} fout(en)")
        for issue in errors:
            print(f"- {issue}")
        return 1
    counts = kk.counts()
    print(f"Inhoud geldig ({len(kk.files)} bestanden)")
    for key, label in COUNT_LABELS.items():
        print(f"{label}: {counts[key]}")
    if warnings:
        print(f"Waarschuwingen (geen fout): {len(warnings)}")
        for issue in warnings:
            print(f"- {issue}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
