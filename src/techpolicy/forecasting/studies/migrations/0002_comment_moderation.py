"""Moderation of public comments (issue 8, finding 10) and the bounds of the forecast horizon (finding 9).

Comments received before moderation existed were published at once under the former rule, so they
become `published` (with no moderator and no date); new comments start `pending`."""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('studies', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='comment',
            name='hidden_reason',
            field=models.TextField(blank=True, verbose_name='reason for hiding'),
        ),
        migrations.AddField(
            model_name='comment',
            name='moderated_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='comment',
            name='moderated_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(  # existing rows: published, as they were under the former rule
            model_name='comment',
            name='moderation',
            field=models.CharField(choices=[('pending', 'Awaiting moderation'), ('published', 'Published'), ('hidden', 'Hidden')], db_index=True, default='published', max_length=10, verbose_name='moderation'),
        ),
        migrations.AlterField(  # new rows: pending until an analyst accepts them
            model_name='comment',
            name='moderation',
            field=models.CharField(choices=[('pending', 'Awaiting moderation'), ('published', 'Published'), ('hidden', 'Hidden')], db_index=True, default='pending', max_length=10, verbose_name='moderation'),
        ),
        migrations.AddField(
            model_name='comment',
            name='report_reason',
            field=models.TextField(blank=True, verbose_name='reason given in the report'),
        ),
        migrations.AddField(
            model_name='comment',
            name='reported_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='comment',
            name='reports',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AlterField(
            model_name='study',
            name='horizon_year',
            field=models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='forecast horizon (year)'),
        ),
        migrations.CreateModel(
            name='ModerationEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('action', models.CharField(choices=[('publish', 'published'), ('hide', 'hidden'), ('report', 'reported')], max_length=10)),
                ('from_state', models.CharField(choices=[('pending', 'Awaiting moderation'), ('published', 'Published'), ('hidden', 'Hidden')], max_length=10)),
                ('to_state', models.CharField(choices=[('pending', 'Awaiting moderation'), ('published', 'Published'), ('hidden', 'Hidden')], max_length=10)),
                ('reason', models.TextField(blank=True)),
                ('at', models.DateTimeField(auto_now_add=True)),
                ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('comment', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='moderation_events', to='studies.comment')),
            ],
            options={
                'ordering': ['at', 'pk'],
            },
        ),
    ]
