"""The terms of a targeted technology programme's consideration (000 p.42, Order No. 198 wording):
the supervising state body's review of the draft and the HSTC's consideration of its proposals.
The source sets neither: each is a parameter without a value, shown as not set by the source."""

from __future__ import annotations

from ...terms import Term
from ...terms import declare as declare_term
from .designation import cite

REVIEW = declare_term(Term(
    "000.ttp_review", "tp.ttp.review_term", cite("42"),
    {"kk": "нысаналы технологиялық бағдарламаның жобасы мемлекеттік органға ұсынылған күн",
     "ru": "день представления проекта целевой технологической программы в государственный орган",
     "en": "submission of the draft targeted technology programme to the supervising state body"},
    {"kk": "мемлекеттік орган жобаны мақсаттарға, өлшемшарттар мен құрылымға сәйкестігі тұрғысынан қарайды",
     "ru": "государственный орган рассматривает проект на соответствие целям, критериям и структуре",
     "en": "the state body reviews the draft for conformity with the goals, criteria and structure"},
))
HSTC_CONSIDERATION = declare_term(Term(
    "000.ttp_hstc", "tp.ttp.hstc_term", cite("42"),
    {"kk": "ұсыныстар ЖҒТК қарауына енгізілген күн",
     "ru": "день внесения предложений на рассмотрение ВНТК",
     "en": "submission of the proposals to the HSTC"},
    {"kk": "ЖҒТК нысаналы технологиялық бағдарлама бойынша ұсыныстарды қарайды",
     "ru": "ВНТК рассматривает предложения по целевой технологической программе",
     "en": "the HSTC considers the proposals on the targeted technology programme"},
))
PROGRAMME_TERMS = (REVIEW, HSTC_CONSIDERATION)
