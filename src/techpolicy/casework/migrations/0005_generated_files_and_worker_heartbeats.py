"""Background work on the database task backend (issue 8): the files the workers make and the
workers' heartbeats, by which a task whose worker died is handed to another."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("casework", "0004_case_subject_open_and_number_counter"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="GeneratedFile",
            fields=[
                ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ("key", models.CharField(max_length=200, unique=True)),
                ("kind", models.CharField(db_index=True, max_length=40)),
                ("args", models.JSONField(blank=True, default=list)),
                ("status", models.CharField(choices=[("pending", "being prepared"), ("ready", "ready"),
                                                     ("failed", "failed")], default="pending", max_length=10)),
                ("file", models.FileField(blank=True, max_length=200, upload_to="generated/%Y/%m/")),
                ("content_type", models.CharField(blank=True, max_length=100)),
                ("download_name", models.CharField(blank=True, max_length=200)),
                ("task_result_id", models.CharField(blank=True, max_length=64)),
                ("error", models.CharField(blank=True, max_length=300)),
                ("attempts", models.PositiveIntegerField(default=0)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("finished_at", models.DateTimeField(blank=True, null=True)),
                ("requested_by", models.ForeignKey(blank=True, null=True,
                                                   on_delete=django.db.models.deletion.SET_NULL,
                                                   related_name="+", to=settings.AUTH_USER_MODEL)),
            ],
            options={
                "verbose_name": "generated file",
                "verbose_name_plural": "generated files",
                "ordering": ["-created_at"],
            },
        ),
        migrations.CreateModel(
            name="WorkerHeartbeat",
            fields=[
                ("worker_id", models.CharField(max_length=64, primary_key=True, serialize=False)),
                ("started_at", models.DateTimeField(auto_now_add=True)),
                ("beat_at", models.DateTimeField(db_index=True)),
            ],
        ),
    ]
