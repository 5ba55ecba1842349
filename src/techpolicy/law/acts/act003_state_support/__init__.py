"""Act 003: the Law on state support of industrial-innovative activity ("Индустриялық-инновациялық
қызметті мемлекеттік қолдау туралы Заң"). The seed carries no date: the law is modelled with a
validity period whose start (publication + 10 days, article 34(1)) and end are parameters with no
value (`common.LAW_IN_FORCE`).

`common` holds the shared pieces (citations by article, the period in force, the treaty hook of
article 2(2)).

Importing the package declares its procedures; import names from the module that defines them.
"""

from . import (
    competences,  # noqa: F401,E402  (declare the procedure "institution-act")
    councils,  # noqa: F401,E402  (declare the procedures "council-composition", "council-decision")
    grants,  # noqa: F401,E402  (declare the procedure "innovation-grant")
    measures,  # noqa: F401,E402  (declare the procedures "support-measure.<id>")
    strategy,  # noqa: F401,E402  (declare the procedure "strategy-agreement")
)
