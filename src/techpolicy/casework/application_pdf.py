"""The application as submitted, as a PDF: the same nodes the case page shows (`kit.presentation`),
set with the shared document kit (DejaVu Sans, so every Kazakh letter prints). It is small and
made while the reader waits."""

from __future__ import annotations

from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from techpolicy.law.citation import Citation

from .documents_pdf import DocumentBuilder, _markup, format_date
from .kit.presentation import Node

MAX_COLUMNS = 8  # a wider table is cut to its first columns on A4; the page shows them all


def citation_text(citation: dict | None, lang: str) -> str:
    if not isinstance(citation, dict):
        return ""
    return Citation.parse(citation).text(lang)


def _in(messages, lang: str) -> str:
    if isinstance(messages, dict):
        return messages.get(lang) or messages.get("en") or ""
    return messages or ""


def rule_line(rule: dict, lang: str) -> str:
    """One rule as a line of print: its outcome, citation, requirement and (failed) reason."""
    outcome = {"passed": _("met"), "failed": _("not met"), "not_applicable": _("does not apply"),
               "not_in_force": _("not in force on this date")}.get(rule.get("status"), _("undetermined"))
    line = f"{outcome} · {citation_text(rule.get('citation'), lang)} — {_in(rule.get('requirement'), lang)}"
    if rule.get("status") == "failed" and rule.get("reason"):
        line += f" {_in(rule['reason'], lang)}"
    return line


class _Writer:
    def __init__(self, builder: DocumentBuilder, lang: str):
        self.builder, self.lang = builder, lang

    def rules(self, node: Node) -> None:
        for rule in node.rules:
            self.builder.small_print(rule_line(rule, self.lang))

    def node(self, node: Node, depth: int = 0) -> None:
        if node.kind in ("section", "block") and node.label:
            self.builder.heading(node.label) if depth <= 1 else self.builder.paragraph(node.label, "label")
        if node.kind == "note":
            self.builder.paragraph(node.label, "small")
            return
        if node.kind == "table":
            if node.value:
                self.builder.paragraph(node.value, "label")
            self.table(node)
        elif node.kind == "branch":
            style = ParagraphStyle(f"branch{depth}", self.builder.styles["body"], leftIndent=min(depth, 12) * 4 * mm)
            self.builder.flowables.append(Paragraph(_markup(f"{node.label}: {node.value}"), style))
        self.rules(node)
        fields: list[Node] = []
        for child in node.children:
            if child.kind == "field":
                fields.append(child)
                continue
            self.fields(fields)
            fields = []
            self.node(child, depth + 1)
        self.fields(fields)

    def fields(self, fields: list[Node]) -> None:
        if not fields:
            return
        self.builder.key_values([(f.label, f.value) for f in fields])
        for f in fields:
            for rule in f.rules:
                self.builder.small_print(f"{f.label}: {rule_line(rule, self.lang)}")

    def table(self, node: Node) -> None:
        styles = self.builder.styles
        columns = node.columns[:MAX_COLUMNS]
        data = [[Paragraph(_markup(c), styles["label"]) for c in columns]]
        data += [[Paragraph(_markup(cell), styles["small"]) for cell in row[:MAX_COLUMNS]] for row in node.rows]
        table = Table(data, repeatRows=1, hAlign="LEFT", colWidths=[170 * mm / max(len(columns), 1)] * len(columns))
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#d8dee6")),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f6f8fa")),
        ]))
        self.builder.flowables.append(table)


def application_pdf(case, workflow, shown: dict | None, lang: str) -> bytes:
    """The PDF of the case's application in `lang`."""
    title = _("Application %(number)s") % {"number": case.number}
    builder = DocumentBuilder(title, lang=lang, subject=str(workflow.name), footer=f"{case.number} · {workflow.name}")
    builder.header(title, subtitle=str(workflow.name))
    builder.key_values([
        (_("Organisation"), case.organisation.name + (f" ({_('BIN')} {case.organisation.bin})"
                                                      if case.organisation.bin else "")),
        (_("Submitted on"), format_date(case.submitted_on) if case.submitted_on else _("not yet submitted")),
    ])
    writer = _Writer(builder, lang)
    if shown is None:
        builder.paragraph(_("This service does not describe its applications yet."))
        return builder.build()
    for section in shown["sections"]:
        writer.node(section)
    if shown["other_rules"]:
        builder.heading(_("Other rules of the verdict"))
        for rule in shown["other_rules"]:
            builder.small_print(rule_line(rule, lang))
    return builder.build()
