"""Benchmarks: figures printed with the machine they ran on (not timed tests)."""
