from techpolicy.accounts.roles import ADMINISTRATOR, COMMISSION, SECRETARIAT, has_role


def site_context(request):
    user = request.user
    return {
        "is_secretariat": has_role(user, SECRETARIAT) or has_role(user, ADMINISTRATOR),
        "is_commission": has_role(user, COMMISSION),
        "is_administrator": has_role(user, ADMINISTRATOR),
    }
