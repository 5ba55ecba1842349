# Documents get version numbers and cases an event log beside their transitions (uploads and edits
# of the application). Documents already stored are numbered per case and kind in the order they
# were uploaded, and each gets the upload event it would have had, before the numbers are made
# unique; the superseded flag they carry stays as it was.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def number_versions_and_log_uploads(apps, schema_editor):
    Document = apps.get_model("casework", "Document")
    CaseEvent = apps.get_model("casework", "CaseEvent")
    last: dict[tuple[int, str], int] = {}
    events = []
    for document in Document.objects.order_by("case_id", "kind", "uploaded_at", "pk").iterator():
        key = (document.case_id, document.kind)
        last[key] = last.get(key, 0) + 1
        if last[key] != 1:
            Document.objects.filter(pk=document.pk).update(version=last[key])
        events.append(CaseEvent(case_id=document.case_id, kind="document_uploaded", actor_id=document.uploaded_by_id,
                                at=document.uploaded_at, document_id=document.pk, detail={"version": last[key]}))
    CaseEvent.objects.bulk_create(events, batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ('casework', '0009_registers_text_index'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='CaseEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('document_uploaded', 'document_uploaded'), ('facts_edited', 'facts_edited')], max_length=40, verbose_name='event')),
                ('at', models.DateTimeField(verbose_name='when')),
                ('detail', models.JSONField(blank=True, default=dict, verbose_name='details')),
            ],
            options={
                'verbose_name': 'case event',
                'verbose_name_plural': 'case events',
                'ordering': ['at', 'pk'],
            },
        ),
        migrations.AddField(
            model_name='document',
            name='version',
            field=models.PositiveIntegerField(default=1, verbose_name='version'),
        ),
        migrations.AddField(
            model_name='caseevent',
            name='actor',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by'),
        ),
        migrations.AddField(
            model_name='caseevent',
            name='case',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='events', to='casework.case'),
        ),
        migrations.AddField(
            model_name='caseevent',
            name='document',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='casework.document', verbose_name='document'),
        ),
        migrations.RunPython(number_versions_and_log_uploads, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='document',
            constraint=models.UniqueConstraint(fields=('case', 'kind', 'version'), name='one_document_per_kind_version'),
        ),
    ]
