from techpolicy.accounts.roles import ADMINISTRATOR, COMMISSION, EXPERT, has_role, is_staff_role
from techpolicy.forecasting.studies.access import can_manage


def site_context(request):
    user = request.user
    return {
        # Staff who handle cases (secretariat, programme operators, administrators) see the work queue.
        "is_secretariat": is_staff_role(user),
        "is_commission": has_role(user, COMMISSION),
        "is_administrator": has_role(user, ADMINISTRATOR),
        "is_analyst": can_manage(user)[0],
        "is_expert": has_role(user, EXPERT),
    }
