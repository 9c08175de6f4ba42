"""Helpers shared by the tests and the benchmarks, by concern (no fixtures here: those are in
``tests/conftest.py``). Nothing here imports ``bench/``; the benchmarks import these modules
(``sys.path`` gets ``tests/``) so that a server or a protocol session is written once."""
