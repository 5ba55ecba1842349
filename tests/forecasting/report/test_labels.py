"""The fixed texts of the forecasting report in kk, ru and en (seed 000, paragraphs 11(8), 12)."""

from __future__ import annotations

import re

import pytest

from techpolicy.forecasting.report.labels import LABELS, LANGUAGES, check_language, label, optional_label


def test_every_text_exists_in_every_language_with_the_same_placeholders():
    for key, messages in LABELS.items():
        assert set(messages) == set(LANGUAGES), key
        placeholders = {lang: set(re.findall(r"{(\w+)}", text)) for lang, text in messages.items()}
        assert all(text.strip() for text in messages.values()), key
        assert placeholders["kk"] == placeholders["ru"] == placeholders["en"], key


def test_the_four_scenarios_of_paragraph_11_8():
    """000 p.11(8) names four scenarios of mastering new technologies."""
    keys = ("stagnation", "inertia", "new_niches", "breakthrough")
    assert [label(f"scenario_{k}", "kk").lower() for k in keys] == [
        "технологиялық тоқырау", "технологиялық инерция", "жаңа технологиялық тауашалар", "технологиялық серпіліс"]
    assert [label(f"scenario_{k}", "ru").lower() for k in keys] == [
        "технологическая стагнация", "технологическая инерция", "новые технологические ниши", "технологический прорыв"]


def test_hstc_statement_cites_paragraph_12_4_in_each_language():
    """000 p.12(4): the results are submitted to the HSTC (ЖҒТК / ВНТК)."""
    assert "ЖҒТК" in label("hstc_statement", "kk") and "12-тармағының 4) тармақшасына" in label("hstc_statement", "kk")
    assert "ВНТК" in label("hstc_statement", "ru") and "подпунктом 4) пункта 12" in label("hstc_statement", "ru")
    assert "HSTC" in label("hstc_statement", "en") and "paragraph 12(4)" in label("hstc_statement", "en")
    for lang in LANGUAGES:
        assert "133/НҚ" in label("hstc_statement", lang)


def test_swot_quadrants_are_named():
    assert [label(f"swot_{q}", "kk") for q in ("strength", "weakness", "opportunity", "threat")] == [
        "Күшті жақтар", "Әлсіз жақтар", "Мүмкіндіктер", "Қауіп-қатерлер"]


def test_placeholders_are_filled_and_unknown_keys_fall_back():
    assert label("status_draft", "kk", version=3) == "Жоба, 3-нұсқа"
    assert label("round_n", "ru", n=2) == "Тур 2"
    assert optional_label("model_logistic", "kk", "logistic") == "логистикалық"
    assert optional_label("model_gompertz", "kk", "gompertz") == "gompertz"


@pytest.mark.parametrize("lang", ["de", "KK", "", "kz"])
def test_unknown_language_raises(lang):
    with pytest.raises(ValueError, match="unknown report language"):
        check_language(lang)
    with pytest.raises(ValueError):
        label("report_title", lang)
