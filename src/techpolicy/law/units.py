"""Units of the dated parameters and how a value with its unit reads in kk, ru and en.

The parameter files name a unit by a small English key ("percent", "working days", "MCI"); that key
stays the machine form (API, CLI), and `quantity(value, unit, lang)` writes the value as a reader
of that language expects: "40 %", "10 жұмыс күні", "10 рабочих дней", "6 MCI", "9 000 000 ₸".
Kazakh nouns stay singular after a numeral; Russian takes the one/few/many forms.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

# Each unit: the kk text, the ru one/few/many forms and the en singular/plural, each with {v}.
UNITS: dict[str, dict[str, str | tuple[str, ...]]] = {
    "percent": {"kk": "{v} %", "ru": ("{v} %",) * 3, "en": ("{v}%", "{v}%")},
    "percent per year": {"kk": "жылдық {v} %", "ru": ("{v} % годовых",) * 3, "en": ("{v}% a year",) * 2},
    # The tenge sign follows the number in every language, as the amounts of the pages have it.
    "KZT": {"kk": "{v}\u00a0₸", "ru": ("{v}\u00a0₸",) * 3, "en": ("{v}\u00a0₸",) * 2},
    "KZT per year": {"kk": "жылына {v}\u00a0₸", "ru": ("{v}\u00a0₸ в год",) * 3, "en": ("{v}\u00a0₸ a year",) * 2},
    "MCI": {"kk": "{v} АЕК", "ru": ("{v} МРП",) * 3, "en": ("{v} MCI",) * 2},
    "years": {"kk": "{v} жыл", "ru": ("{v} год", "{v} года", "{v} лет"), "en": ("{v} year", "{v} years")},
    "fiscal years": {"kk": "{v} қаржы жылы",
                     "ru": ("{v} финансовый год", "{v} финансовых года", "{v} финансовых лет"),
                     "en": ("{v} fiscal year", "{v} fiscal years")},
    "months": {"kk": "{v} ай", "ru": ("{v} месяц", "{v} месяца", "{v} месяцев"),
               "en": ("{v} month", "{v} months")},
    "working days": {"kk": "{v} жұмыс күні", "ru": ("{v} рабочий день", "{v} рабочих дня", "{v} рабочих дней"),
                     "en": ("{v} working day", "{v} working days")},
    "calendar days": {"kk": "{v} күнтізбелік күн",
                      "ru": ("{v} календарный день", "{v} календарных дня", "{v} календарных дней"),
                      "en": ("{v} calendar day", "{v} calendar days")},
    "projects": {"kk": "{v} жоба", "ru": ("{v} проект", "{v} проекта", "{v} проектов"),
                 "en": ("{v} project", "{v} projects")},
    "recommendations": {"kk": "{v} ұсыным", "ru": ("{v} рекомендация", "{v} рекомендации", "{v} рекомендаций"),
                        "en": ("{v} recommendation", "{v} recommendations")},
    "pages": {"kk": "{v} бет", "ru": ("{v} страница", "{v} страницы", "{v} страниц"), "en": ("{v} page", "{v} pages")},
    "works": {"kk": "{v} жұмыс", "ru": ("{v} работа", "{v} работы", "{v} работ"), "en": ("{v} work", "{v} works")},
    "employees": {"kk": "{v} қызметкер", "ru": ("{v} работник", "{v} работника", "{v} работников"),
                  "en": ("{v} employee", "{v} employees")},
    "employees per year": {"kk": "жылына {v} қызметкер",
                           "ru": ("{v} работник в год", "{v} работника в год", "{v} работников в год"),
                           "en": ("{v} employee a year", "{v} employees a year")},
    "specialists per year": {"kk": "жылына {v} маман",
                             "ru": ("{v} специалист в год", "{v} специалиста в год", "{v} специалистов в год"),
                             "en": ("{v} specialist a year", "{v} specialists a year")},
    "persons": {"kk": "{v} адам", "ru": ("{v} человек", "{v} человека", "{v} человек"),
                "en": ("{v} person", "{v} persons")},
    "centres": {"kk": "{v} орталық", "ru": ("{v} центр", "{v} центра", "{v} центров"),
                "en": ("{v} centre", "{v} centres")},
    "memoranda": {"kk": "{v} меморандум", "ru": ("{v} меморандум", "{v} меморандума", "{v} меморандумов"),
                  "en": ("{v} memorandum", "{v} memoranda")},
    "round trips": {"kk": "{v} рет барып-қайту",
                    "ru": ("{v} поездка туда и обратно", "{v} поездки туда и обратно", "{v} поездок туда и обратно"),
                    "en": ("{v} round trip", "{v} round trips")},
    "experts": {"kk": "{v} сарапшы", "ru": ("{v} эксперт", "{v} эксперта", "{v} экспертов"),
                "en": ("{v} expert", "{v} experts")},
    "criteria": {"kk": "{v} өлшем", "ru": ("{v} критерий", "{v} критерия", "{v} критериев"),
                 "en": ("{v} criterion", "{v} criteria")},
    "times": {"kk": "{v} есе", "ru": ("{v} раз", "{v} раза", "{v} раз"), "en": ("{v} times", "{v} times")},
}
# Units that say what kind of value it is rather than measure it: the value is shown alone.
PLAIN = frozenset({"date", "term", "reference", "formula", "rule", ""})

_GROUP = {"kk": "\u00a0", "ru": "\u00a0", "en": ","}
_DECIMAL = {"kk": ",", "ru": ",", "en": "."}


def _language(lang: str | None) -> str:
    lang = (lang or "en").split("-")[0]
    return lang if lang in ("kk", "ru", "en") else "en"


def number(value: Decimal | int | float | str, lang: str = "en", money: bool = False,
           places: int | None = None) -> str:
    """A number as written in `lang`: "9 000 000", "1,5" (kk, ru); "9,000,000", "1.5" (en).
    Trailing zeros of a decimal are dropped ("50.00" reads "50"), except that an amount of `money`
    with a fraction keeps its tiyn ("1 234,50"), and `places` writes exactly that many decimals
    (rounded half to even); a text that is no number passes."""
    lang = _language(lang)
    try:
        amount = Decimal(str(value))
    except ArithmeticError:
        return str(value)
    if not amount.is_finite():
        return str(value)
    if places is not None:
        amount = amount.quantize(Decimal(1).scaleb(-places))
    elif amount == amount.to_integral_value():
        amount = amount.quantize(Decimal(1))
    elif money:
        amount = amount.quantize(Decimal("0.01"))
    else:
        amount = amount.normalize()
    sign, text = ("-", f"{-amount:f}") if amount < 0 else ("", f"{amount:f}")
    whole, _, fraction = text.partition(".")
    groups = []
    while len(whole) > 3:
        whole, groups = whole[:-3], [whole[-3:], *groups]
    whole = _GROUP[lang].join([whole, *groups])
    return sign + whole + (_DECIMAL[lang] + fraction if fraction else "")


def date(value: dt.date | str, lang: str = "en") -> str:
    """A date as written in `lang`: "06.05.2022" (kk, ru), "6 May 2022" (en)."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    if _language(lang) == "en":
        return f"{value.day} {value:%B %Y}"
    return f"{value:%d.%m.%Y}"


def _russian_form(value: Decimal) -> int:
    if value != value.to_integral_value():
        return 1  # a fraction takes the genitive singular: "1,5 года"
    n = int(abs(value))
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


def quantity(value, unit: str, lang: str = "en") -> str:
    """`value` with its `unit` in `lang`; a unit outside the vocabulary is left off rather than shown
    in English, and a date or text value is shown alone."""
    lang = _language(lang)
    if isinstance(value, dt.date) or unit == "date":
        return date(value, lang)
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        try:
            amount = Decimal(str(value))
        except ArithmeticError:
            return str(value)
    else:
        amount = Decimal(str(value))
    shown = number(amount, lang, money=unit.startswith("KZT"))
    forms = UNITS.get(unit)
    if forms is None or unit in PLAIN:
        return shown
    if lang == "kk":
        return str(forms["kk"]).format(v=shown)
    if lang == "ru":
        return forms["ru"][_russian_form(amount)].format(v=shown)
    return forms["en"][0 if amount == 1 else 1].format(v=shown)


def unit_name(unit: str, lang: str = "en") -> str:
    """The unit alone (a column heading or a form's help): its form for many, without the number."""
    forms = UNITS.get(unit)
    if forms is None:
        return ""
    lang = _language(lang)
    text = str(forms["kk"]) if lang == "kk" else forms[lang][-1]
    return " ".join(text.replace("{v}", "").split())
