"""The law layer: dated parameters, the working-day calendar, rules with citations.

Pure Python: it never imports Django or the casework, and reads only its own data files.
"""
