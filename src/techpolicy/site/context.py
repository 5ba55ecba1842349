from techpolicy.accounts.roles import ADMINISTRATOR, COMMISSION, EXPERT, has_role
from techpolicy.casework.permissions import is_case_staff
from techpolicy.forecasting.studies.access import can_manage


def site_context(request):
    user = request.user
    return {
        # Staff of at least one workflow see the work queue link; the queue lists only the cases of
        # the workflows they handle, and every case page asks `handles(user, case)` (finding 5).
        "is_secretariat": is_case_staff(user),
        "is_commission": has_role(user, COMMISSION),
        "is_administrator": has_role(user, ADMINISTRATOR),
        "is_analyst": can_manage(user)[0],
        "is_expert": has_role(user, EXPERT),
    }
