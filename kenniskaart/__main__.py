"""Command line: ``python -m kenniskaart validate [PATH]``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from .catalog import recognition_warnings
from .content import ContentInvalid, load_content
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
    counts = kk.counts()
    print(f"Inhoud geldig ({len(kk.files)} bestanden)")
    for key, label in COUNT_LABELS.items():
        print(f"{label}: {counts[key]}")
    warnings = recognition_warnings(kk, dt.date.today())
    if warnings:
        print(f"Waarschuwingen (geen fout): {len(warnings)} erkenning(en) om na te lopen")
        for w in warnings:
            print(f"- {w}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
