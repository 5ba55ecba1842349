"""Act 001, paragraph 48: the electronic application for the technopark's services
(acceleration, p.43; technology business incubation, p.44), the procedure "technopark-services"."""

from __future__ import annotations

from typing import Any

import polars as pl

from ...procedure import Procedure, declare
from ...rules import ColumnContext, Context, Messages, Rule
from .common import blank, blank_expr, cite, rule, tax_debt_rules
from .facts import ServicesApplicationFacts

# --- paragraph 48: the electronic application for services -------------------------------------

_P48_ITEMS: dict[str, tuple[dict[str, str], tuple[str, ...]]] = {
    "1": (
        {
            "kk": "жобаның атауы, жобаның бағыты, жобадан күтілетін нәтижелер бар жобаның қысқаша "
            "сипаттамасы",
            "ru": "наименование проекта, направление проекта, краткое описание проекта с "
            "ожидаемыми результатами",
            "en": "project name, direction and short description with the expected results",
        },
        ("project.name", "project.direction", "project.description", "project.expected_results"),
    ),
    "2": (
        {
            "kk": "өтініш берушінің байланыс деректері: телефон нөмірі, электрондық мекенжайы, "
            "қала және елі",
            "ru": "контактные данные заявителя: номер телефона, электронный адрес, город и страна",
            "en": "the applicant's contacts: phone number, e-mail, city and country",
        },
        ("contacts.phone", "contacts.email", "contacts.city", "contacts.country"),
    ),
    "3": (
        {
            "kk": "жобаның (өнімнің) дайындық сатысы, қолданылатын технологиялар, өнім шешетін "
            "проблема, жобаның бизнес-моделі, жобаның қолданыс мерзімі",
            "ru": "стадия готовности проекта (продукта), применяемые технологии, решаемая "
            "продуктом проблема, бизнес-модель проекта, срок действия проекта",
            "en": "readiness stage, technologies used, problem solved, business model and lifetime",
        },
        (
            "readiness.stage",
            "readiness.technologies",
            "readiness.problem",
            "readiness.business_model",
            "readiness.lifetime",
        ),
    ),
    "4": (
        {
            "kk": "жобаға қатысушылардың саны, команданың жобаға тартылуы",
            "ru": "количество участников проекта, вовлечённость команды в проект",
            "en": "number of project participants and the team's involvement",
        },
        ("team.involvement",),
    ),
    "5": (
        {
            "kk": "жоба таныстырылымына сілтеме",
            "ru": "ссылка на презентацию проекта",
            "en": "link to the project presentation",
        },
        ("presentation_url",),
    ),
    "6": (
        {
            "kk": "қажеттіліктердің және Технопарктен күтілетін нәтижелер сипаттамасы",
            "ru": "описание потребностей и ожидаемых от Технопарка результатов",
            "en": "needs and the results expected from the technopark",
        },
        ("needs.needs", "needs.expected_from_technopark"),
    ),
}

_P48_INTRO = {
    "kk": "Қызметтерді алуға арналған электрондық өтінішке мынадай мәліметтер қоса беріледі: ",
    "ru": "К электронной заявке на получение услуг прилагаются сведения: ",
    "en": "The electronic application for services carries: ",
}
_P48_FAILURE: Messages = {
    "kk": "Өтініште мына мәліметтер толтырылмаған: {missing}.",
    "ru": "В заявке не заполнены сведения: {missing}.",
    "en": "The application leaves these data blank: {missing}.",
}


def _field(facts: Any, path: str) -> Any:
    """The fact at `path`, of the facts or of their fields (`columnar.Fields`)."""
    for part in path.split("."):
        facts = getattr(facts, part)
    return facts


def _p48_item(sub: str) -> Rule:
    texts, fields = _P48_ITEMS[sub]

    def test(f: Any, ctx: ColumnContext) -> pl.Expr:
        return pl.all_horizontal([~blank_expr(_field(f, path)) for path in fields])

    def explain(facts: ServicesApplicationFacts, ctx: Context) -> dict[str, Any]:
        missing = [path for path in fields if blank(_field(facts, path))]
        return {"missing": ", ".join(missing)} if missing else {}

    requirement = {lang: _P48_INTRO[lang] + texts[lang] + "." for lang in texts}
    return rule(f"001.p48.{sub}", cite("48", sub), requirement, _P48_FAILURE, test, explain=explain)


SERVICES_RULES: tuple[Rule, ...] = (
    *(_p48_item(sub) for sub in _P48_ITEMS),
    *tax_debt_rules(
        "001.p48.7",
        cite("48", "7"),
        lambda f: f.tax_debt,
        lambda f: f.application_date,
        applies=lambda f: f.registered_taxpayer,
    ),
)


# Does the electronic application for services carry items 1)-7) of paragraph 48?
SERVICES_APPLICATION = declare(
    Procedure(
        name="technopark-services",
        subject="technopark.services_application",
        title={
            "kk": "Технопарк қызметтерін алуға арналған электрондық өтініш (48-тармақ)",
            "ru": "Электронная заявка на получение услуг Технопарка (пункт 48)",
            "en": "Electronic application for the technopark's services (paragraph 48)",
        },
        facts=ServicesApplicationFacts,
        rules=SERVICES_RULES,
        date=lambda facts: facts.application_date,
    )
)
