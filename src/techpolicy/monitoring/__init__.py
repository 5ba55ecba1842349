"""Monitoring: indicators with dated targets, actuals with provenance and approval, obligations with
due periods (000.p38.a2, 000.ttp.monitor; later seed 002's §6 indicators and §7 action plan, law 003's
effectiveness reporting).

Pure Python, no Django: `indicators` computes every status, `obligations` expands every deadline,
`commands` is the `techpolicy monitor` command group. The Django models will store what these
modules take as input and ask them for every answer, so that no second copy of a rule exists.
"""
