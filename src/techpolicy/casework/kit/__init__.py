"""The service kit: what every service's application does the same way, written once.

A new service is its workflow table, its procedure (a law-layer `Procedure`, asked through a
`checks.LawCheck`), its form bundle (`forms.FormBundle`: Django forms producing the facts) and the
steps really its own. The kit gives it:

- `application.ApplicationPages`: the apply page (one case per form and per subject, a duplicate
  sent to the open case) and the edit page (optimistic version check);
- `check_page.check_page`: a public page that evaluates the facts of its forms, storing nothing;
- `verdicts`: the guard that asks the procedure, and the effects that store its verdict at submit and
  at resubmission (answering the remarks);
- `terms.terms_table`: every term the workflows' states carry, with the partial
  "casework/kit/_terms.html";
- `api`: the facts-schema and check endpoints of a service's procedures.
"""
