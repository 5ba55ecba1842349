"""Inputs of the programme forms that the standard fields do not give: a list typed one item per
line, and an element code (G1, T3, I2) as the document's elements are named."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from techpolicy.law.acts.act000_methodology.programme_facts import MAX_NAME

CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$"  # programme_facts.Code


class DateInput(forms.DateInput):
    input_type = "date"


class _ListField(forms.CharField):
    """A text field whose value is a list: "changed" compares the lists, so a blank row of a table stays
    unchanged (the default compares the list with the empty text and finds every row changed)."""

    def has_changed(self, initial, data) -> bool:
        try:
            return self.to_python(data) != self.to_python(self.prepare_value(initial) or "")
        except forms.ValidationError:
            return True


class CodeField(forms.RegexField):
    def __init__(self, label, **kwargs):
        super().__init__(regex=CODE_PATTERN, label=label, max_length=20, error_messages={
            "invalid": _("A code is up to 20 letters, digits, dots, dashes or underscores, e.g. G1.")}, **kwargs)


class CodesField(_ListField):
    """Codes separated by commas or spaces ("D1, D2"), at most `most`."""

    def __init__(self, label, most: int, **kwargs):
        self.most = most
        super().__init__(label=label, required=False, max_length=most * 21, **kwargs)

    def to_python(self, value) -> list[str]:
        text = super().to_python(value)
        codes = [c for c in text.replace(",", " ").split() if c]
        bad = [c for c in codes if not forms.RegexField(CODE_PATTERN).regex.match(c)]
        if bad:
            raise forms.ValidationError(_("Not a code: %(codes)s."), params={"codes": ", ".join(bad[:5])})
        if len(codes) > self.most:
            raise forms.ValidationError(_("At most %(n)s codes."), params={"n": self.most})
        return codes

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list | tuple) else value


class LinesField(_ListField):
    """A list typed one item per line; blank lines are skipped."""

    def __init__(self, label, most: int, line_chars: int = MAX_NAME, rows: int = 4, **kwargs):
        self.most, self.line_chars = most, line_chars
        super().__init__(label=label, required=False, max_length=most * (line_chars + 2),
                         widget=forms.Textarea(attrs={"rows": rows}), **kwargs)

    def to_python(self, value) -> list[str]:
        lines = [line.strip() for line in super().to_python(value).splitlines() if line.strip()]
        if len(lines) > self.most:
            raise forms.ValidationError(_("At most %(n)s lines."), params={"n": self.most})
        long = next((n for n, line in enumerate(lines, start=1) if len(line) > self.line_chars), None)
        if long is not None:
            raise forms.ValidationError(_("Line %(line)s is longer than %(n)s characters."),
                                        params={"line": long, "n": self.line_chars})
        return lines

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list | tuple) else value
