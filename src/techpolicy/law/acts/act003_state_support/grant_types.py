"""Act 003, article 27(2): the seven types of innovation grants, as data (003.a27.p2).

A grant reimburses part of the planned costs of a project aimed at one of seven purposes, listed
in the act's order. Each type carries its citation (the sub-paragraph), its names in the three
languages, and whether the independent economic and technological expertise is required: the third
indent of article 27(2) exempts grants for patenting in international patent organisations and
foreign states, which is type 6 (patenting in foreign states is named by the exemption but is not
one of the seven types, a seed anomaly noted in DE-003-7).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ...citation import Citation
from ...rules import Messages
from .common import cite


@dataclass(frozen=True)
class GrantType:
    id: str
    citation: Citation
    name: Messages
    expertise_required: bool = True

    def as_dict(self, lang: str = "en") -> dict:
        return {"id": self.id, "name": self.name[lang], "citation": self.citation.as_dict(lang),
                "expertise_required": self.expertise_required}


def _type(sub: str, type_id: str, kk: str, ru: str, en: str, expertise_required: bool = True) -> GrantType:
    return GrantType(type_id, cite("27", "2", sub), {"kk": kk, "ru": ru, "en": en}, expertise_required)


GRANT_TYPES: tuple[GrantType, ...] = (
    _type("1", "technology_acquisition", "технологияларды сатып алу", "приобретение технологий",
          "acquiring technologies"),
    _type("2", "industrial_research", "өнеркәсіптік зерттеулер жүргізу", "проведение промышленных исследований",
          "industrial research"),
    _type("3", "staff_training_abroad", "өнеркәсіптік кәсіпорындардың инженерлік-техникалық персоналын шетелде оқыту",
          "обучение инженерно-технического персонала промышленных предприятий за рубежом",
          "training engineering-technical staff of industrial enterprises abroad"),
    _type("4", "business_process_efficiency", "бизнес-үдерістердің тиімділігін арттыру",
          "повышение эффективности бизнес-процессов", "raising the efficiency of business processes"),
    _type("5", "new_production", "жаңа технологиялық өндірістерді құру", "создание новых технологических производств",
          "creating new technological production"),
    _type("6", "international_patenting", "халықаралық патенттік ұйымдарда патенттеу",
          "патентование в международных патентных организациях",
          "patenting in international patent organisations", expertise_required=False),
    _type("7", "commercialisation", "технологияларды коммерцияландыру", "коммерциализация технологий",
          "commercialising technologies"),
)

BY_ID: dict[str, GrantType] = {t.id: t for t in GRANT_TYPES}
GRANT_TYPE_IDS: tuple[str, ...] = tuple(BY_ID)
GrantTypeId = Literal[GRANT_TYPE_IDS]  # the same ids, as the type pydantic checks
EXPERTISE_EXEMPT: tuple[str, ...] = tuple(t.id for t in GRANT_TYPES if not t.expertise_required)


def share_parameter(type_id: str) -> str:
    return f"grants.share_percent.{type_id}"


def cap_parameter(type_id: str) -> str:
    return f"grants.cap_kzt.{type_id}"


def share_parameter_names() -> tuple[str, ...]:
    """The open numbers of every type (article 27(2)): its share of the planned costs and its cap."""
    return tuple(name for t in GRANT_TYPE_IDS for name in (share_parameter(t), cap_parameter(t)))
