"""Act 004: the "Productivity 2020" programme ("Өнімділік 2020" бағдарламасы) in the wording of
Government Resolution No. 440 of 17 June 2015, repealed by Resolution No. 370 of 23 June 2016.

Modules in the programme's order: `sectors` (the Annex of priority sectors), `criteria`, `leasing`
and `executors` (5.1–5.3), `instruments` and the calculation `calculator` / `exclusions` (5.3),
`terms` (the terms of 5.4) and `procedures` (their chains), `monitoring`; `facts` holds the facts
models, `common` the shared pieces, `programme` the entry points (the procedure "productivity2020"
and `assess`).

Importing the package declares its procedure and its terms; import names from the module that
defines them.
"""

from . import monitoring, procedures, programme, terms  # noqa: F401  (declare the procedure and terms)
