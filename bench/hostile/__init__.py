"""Helpers of bench/hostile_load.py: the server under test, an HTTP client that signs in and fills
forms, the parallel races, the ownership pre-checks and the API fuzzer. See bench/README.md."""
