"""Entities: the application (OpenFisca's person entity: one row per application) and the applicant
(a group entity: the enterprise, whose applications are its members)."""

from openfisca_core.entities import build_entity

Application = build_entity(
    key="application",
    plural="applications",
    label='An application for an instrument of the "Productivity 2020" programme',
    is_person=True,
)

Applicant = build_entity(
    key="applicant",
    plural="applicants",
    label="The enterprise that applies",
    roles=[{"key": "application", "plural": "applications", "label": "Application"}],
)

entities = [Application, Applicant]
