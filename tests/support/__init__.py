"""Helpers shared by the tests and the benchmarks, one module per concern: ``paths``, ``server``
(a real app process), ``browser`` / ``axe`` / ``werksessie`` (Playwright), ``apptest``
(in-process pages and their downloads), ``text`` and ``sources`` (comparing with the source
documents), ``pg`` (a throw-away PostgreSQL), ``factories`` / ``words`` / ``language`` /
``expected`` (test data and expectations), ``protocol`` / ``walks`` (load). No fixtures here:
those are in the ``conftest.py`` files. Nothing here imports ``bench/``; the benchmarks import
these modules (``sys.path`` gets ``tests/``) so that a server or a protocol session is written
once."""
