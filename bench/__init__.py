"""Reproducible benchmarks on generated data (architecture.md §6): `python -m bench.run`."""
