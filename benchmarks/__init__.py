"""Benchmarks: figures against same-run baselines (see README.md here).

A regular package so `benchmarks.run` and the `bench_*` modules import the same way from
`benchmarks/run.py` and from the smoke tests.
"""
