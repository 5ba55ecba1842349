from techpolicy.accounts.roles import ADMINISTRATOR, ANALYST, COMMISSION, EXPERT, has_role, is_staff_role


def site_context(request):
    user = request.user
    return {
        # Staff who handle cases (secretariat, programme operators, administrators) see the work queue.
        "is_secretariat": is_staff_role(user),
        "is_commission": has_role(user, COMMISSION),
        "is_administrator": has_role(user, ADMINISTRATOR),
        "is_analyst": has_role(user, ANALYST) or has_role(user, ADMINISTRATOR),
        "is_expert": has_role(user, EXPERT),
    }
