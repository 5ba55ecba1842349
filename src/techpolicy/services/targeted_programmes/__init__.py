"""Targeted technology programmes (seed 000, chapter 5)."""
