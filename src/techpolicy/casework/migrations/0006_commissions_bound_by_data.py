# Commissions bound to workflows by data: qualifications as the facts of a composition procedure,
# quorum and majority kinds, the voting roll of each round, recusals, recommendations and meetings.

from decimal import Decimal

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

P13 = "technopark-commission-composition"  # the procedure the four old columns were the facts of
SELECTION = "technopark-selection"


def _years(value) -> str:
    return format(Decimal(value or 0).normalize(), "f")


def columns_to_data(apps, schema_editor):
    Commission = apps.get_model("casework", "Commission")
    Member = apps.get_model("casework", "CommissionMember")
    for member in Member.objects.all():
        member.qualifications = {
            "state_body_representative": bool(member.state_body_representative),
            "it_qualified": bool(member.qualified_it_specialist),
            "ict_experience_years": _years(member.ict_experience_years),
            "international_expert": bool(member.international_expert),
        }
        member.save(update_fields=["qualifications"])
    # The old quorum was a number of members who must vote: the "count" rule.
    for commission in Commission.objects.all():
        commission.quorum_kind, commission.quorum_count = "count", commission.quorum
        if commission.key == SELECTION:
            commission.composition = P13
        commission.save(update_fields=["quorum_kind", "quorum_count", "composition"])


def data_to_columns(apps, schema_editor):
    Commission = apps.get_model("casework", "Commission")
    Member = apps.get_model("casework", "CommissionMember")
    for member in Member.objects.all():
        data = member.qualifications if isinstance(member.qualifications, dict) else {}
        member.state_body_representative = bool(data.get("state_body_representative"))
        member.qualified_it_specialist = bool(data.get("it_qualified"))
        member.ict_experience_years = Decimal(str(data.get("ict_experience_years") or 0))
        member.international_expert = bool(data.get("international_expert"))
        member.save()
    for commission in Commission.objects.all():
        commission.quorum = commission.quorum_count or 0
        commission.save(update_fields=["quorum"])


def open_rolls(apps, schema_editor):
    """A case on an agenda when this runs gets the roll of its current round: the active members
    of its commission and whoever already voted in that round."""
    from techpolicy.casework.workflow import all_workflows

    Case = apps.get_model("casework", "Case")
    Member = apps.get_model("casework", "CommissionMember")
    Vote = apps.get_model("casework", "Vote")
    VotingRoll = apps.get_model("casework", "VotingRoll")
    for workflow in all_workflows():
        agenda = [s.id for s in workflow.states if getattr(s, "agenda", False)]
        if not agenda or not workflow.commission:
            continue
        active = set(Member.objects.filter(commission__key=workflow.commission, active=True)
                     .values_list("pk", flat=True))
        for case in Case.objects.filter(workflow=workflow.id, state__in=agenda):
            round_ = case.transitions.filter(to_state__in=agenda).count()
            entitled = active | set(Vote.objects.filter(case=case, round=round_).values_list("member_id", flat=True))
            opened = case.state_entered_at
            VotingRoll.objects.bulk_create(
                [VotingRoll(case=case, round=round_, member_id=pk, opened_at=opened) for pk in sorted(entitled)])


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
        ('casework', '0005_generated_files_and_worker_heartbeats'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='commission',
            options={'verbose_name': 'commission', 'verbose_name_plural': 'commissions'},
        ),
        migrations.AlterModelOptions(
            name='commissionmember',
            options={'verbose_name': 'commission member', 'verbose_name_plural': 'commission members'},
        ),
        migrations.AddField(
            model_name='commission',
            name='composition',
            field=models.CharField(blank=True, help_text="The procedure of the law that judges the members' qualifications.", max_length=100, verbose_name='composition rules'),
        ),
        migrations.AddField(
            model_name='commission',
            name='quorum_count',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Only for the rule of a fixed number of members.', null=True, validators=[django.core.validators.MinValueValidator(1)], verbose_name='quorum (number of members who take part)'),
        ),
        migrations.AddField(
            model_name='commission',
            name='quorum_kind',
            field=models.CharField(blank=True, choices=[('count', 'a fixed number of members take part'), ('half', 'at least half of the members entitled to vote, less those who recused, take part'), ('two_thirds', 'at least two thirds of the members entitled to vote, less those who recused, take part')], help_text="From the commission's regulations.", max_length=20, verbose_name='quorum rule'),
        ),
        migrations.AlterField(
            model_name='commission',
            name='majority',
            field=models.CharField(blank=True, choices=[('simple', 'more than half of the votes cast'), ('absolute', 'more than half of the members entitled to vote, less those who recused'), ('two_thirds', 'at least two thirds of the votes cast')], help_text="From the commission's regulations.", max_length=20, verbose_name='majority rule'),
        ),
        migrations.AddField(
            model_name='commissionmember',
            name='qualifications',
            field=models.JSONField(blank=True, default=dict, verbose_name='qualifications'),
        ),
        migrations.AlterField(
            model_name='commissionmember',
            name='active',
            field=models.BooleanField(default=True, verbose_name='active'),
        ),
        # Nullable for its last moments, so that going back can add it again before filling it.
        migrations.AlterField(
            model_name='commission',
            name='quorum',
            field=models.PositiveSmallIntegerField(null=True, verbose_name='quorum (members who must vote)'),
        ),
        migrations.RunPython(columns_to_data, data_to_columns),
        migrations.RemoveField(model_name='commission', name='quorum'),
        migrations.RemoveField(model_name='commissionmember', name='ict_experience_years'),
        migrations.RemoveField(model_name='commissionmember', name='international_expert'),
        migrations.RemoveField(model_name='commissionmember', name='qualified_it_specialist'),
        migrations.RemoveField(model_name='commissionmember', name='state_body_representative'),
        migrations.AddField(
            model_name='decision',
            name='commission',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='casework.commission'),
        ),
        migrations.AddField(
            model_name='decision',
            name='round',
            field=models.PositiveSmallIntegerField(blank=True, null=True),
        ),
        migrations.CreateModel(
            name='VotingRoll',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('round', models.PositiveSmallIntegerField()),
                ('opened_at', models.DateTimeField()),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='voting_roll', to='casework.case')),
                ('member', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='rolls', to='casework.commissionmember')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('case', 'round', 'member'), name='one_roll_entry_per_member_per_round')],
            },
        ),
        migrations.CreateModel(
            name='Recusal',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('round', models.PositiveSmallIntegerField()),
                ('reason', models.TextField(verbose_name='reason')),
                ('declared_at', models.DateTimeField(auto_now_add=True)),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='recusals', to='casework.case')),
                ('member', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='recusals', to='casework.commissionmember')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('case', 'member', 'round'), name='one_recusal_per_member_per_round')],
            },
        ),
        migrations.CreateModel(
            name='Recommendation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('round', models.PositiveSmallIntegerField()),
                ('outcome', models.CharField(choices=[('recommend', 'recommended'), ('do_not_recommend', 'not recommended')], max_length=20, verbose_name='recommendation')),
                ('basis', models.JSONField(default=list)),
                ('tally', models.JSONField(default=dict)),
                ('minutes', models.TextField(blank=True)),
                ('recorded_at', models.DateTimeField()),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='recommendations', to='casework.case')),
                ('commission', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='recommendations', to='casework.commission')),
                ('recorded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-recorded_at'],
                'constraints': [models.UniqueConstraint(fields=('case', 'commission', 'round'), name='one_recommendation_per_commission_per_round')],
            },
        ),
        migrations.CreateModel(
            name='Meeting',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveIntegerField(verbose_name='number')),
                ('date', models.DateField(verbose_name='date')),
                ('place', models.CharField(max_length=300, verbose_name='place')),
                ('status', models.CharField(choices=[('planned', 'planned'), ('held', 'held'), ('closed', 'closed')], default='planned', max_length=10, verbose_name='status')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('closed_at', models.DateTimeField(blank=True, null=True)),
                ('minutes', models.JSONField(blank=True, editable=False, null=True)),
                ('closed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('commission', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='meetings', to='casework.commission')),
                ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-date', '-number'],
                'constraints': [models.UniqueConstraint(fields=('commission', 'number'), name='one_meeting_number_per_commission')],
            },
        ),
        migrations.CreateModel(
            name='MeetingItem',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('round', models.PositiveSmallIntegerField()),
                ('added_at', models.DateTimeField(auto_now_add=True)),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='meeting_items', to='casework.case')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='items', to='casework.meeting')),
            ],
            options={
                'ordering': ['added_at', 'pk'],
                'constraints': [models.UniqueConstraint(fields=('meeting', 'case', 'round'), name='one_item_per_case_round')],
            },
        ),
        migrations.CreateModel(
            name='MeetingAttendance',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='attendance', to='casework.meeting')),
                ('member', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='attendance', to='casework.commissionmember')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('meeting', 'member'), name='one_attendance_per_member')],
            },
        ),
        migrations.RunPython(open_rolls, migrations.RunPython.noop),
    ]
