"""The acts as code: one module per legal act, its rules in the order of the act.

- `technopark` (act 001): Rules of activity of the "Astana Hub" international technology park,
  as amended by Order No. 292/НҚ of 23 August 2022 (the public entry point of the act). Its
  facts are in `technopark_facts`, the state share of paragraph 7(4) in `ownership`, paragraph 9
  and Annex 3 in `technopark_documents`, later procedures in `technopark_procedures`, the
  application for services in `technopark_services`, shared pieces in `technopark_common`.
"""
