"""Innovation grants of law 003 (article 27): calls, applications, the independent expertise with
domestic and foreign experts, the commission's award, the agreement and the fund ledger.

The modules without Django (the expert assignment, the conflict checks, the ledger commands) import
nothing from Django, so the command line and the benchmarks use them without a configured site.
"""
