"""Records of the background work: the files the workers make (certificates, reports, what-if
results) and the heartbeats by which a worker shows it is still alive."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class GeneratedFile(models.Model):
    """A file made by a background task. One row per `key`, which names the document and the state
    of the data it is made from (e.g. "certificate:AH-C-2026-000001:kk:<digest>"): asking twice for
    the same thing finds the same row, and a change of the data gives a new key and a new file.

    The file lives under MEDIA_ROOT, which no URL serves; it is streamed by the casework download
    view after the check its kind registered (`casework.jobs`)."""

    PENDING, READY, FAILED = "pending", "ready", "failed"
    STATUS_CHOICES = [(PENDING, _("being prepared")), (READY, _("ready")), (FAILED, _("failed"))]

    # A random id, so the address of a file says nothing about other files and cannot be counted through.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    key = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=40, db_index=True)
    args = models.JSONField(default=list, blank=True)  # what the kind's render function is called with
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=PENDING)
    file = models.FileField(upload_to="generated/%Y/%m/", max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    download_name = models.CharField(max_length=200, blank=True)
    task_result_id = models.CharField(max_length=64, blank=True)  # the latest task that makes it
    # An English message id (`casework.jobs`), translated when shown, so each reader sees their language.
    error = models.CharField(max_length=300, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("generated file")
        verbose_name_plural = _("generated files")

    def __str__(self) -> str:
        return self.key


class WorkerHeartbeat(models.Model):
    """A running worker's last sign of life (`casework.worker`): a task whose worker has not beaten
    for longer than the lease is handed to another worker."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    started_at = models.DateTimeField(auto_now_add=True)
    beat_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self) -> str:
        return self.worker_id
