"""Schemathesis hooks of the fuzzing stage (.ci/fuzz.sh).

Every operation whose security requirement lists roles is called with the access token of one
of those roles, so that the fuzzer reaches the handlers and not only their 401/403: the Office's
where the Office may call it (most of the API), else the administrator's (units, users, service
accounts), else the unit head's (submitting a record, proposing and withdrawing a stage move).
Public operations (sign-in, refresh, logout, health) are called without a token.

The one alteration: the user writes never target the accounts whose tokens the run uses (their id
is replaced by an unknown one). Resetting a password, deactivating an account or changing its role
ends or changes that account's sessions (by design), and every later request of the run would then
stop at 401/403. Every other user id is fuzzed as usual.
"""

import os

import schemathesis

TOKENS = {
    role: os.environ[f"FUZZ_TOKEN_{role.upper()}"] for role in ("office", "admin", "unit_head")
}
PREFERENCE = ("office", "admin", "unit_head")
PROTECTED_USER_IDS = {
    value.strip() for value in os.environ.get("FUZZ_PROTECTED_USER_IDS", "").split(",") if value
}
UNKNOWN_USER_ID = 999_999_999


def role_for(operation):
    """The preferred role among those the operation's bearer requirement lists, or None."""
    allowed = set()
    for requirement in operation.definition.raw.get("security") or []:
        allowed.update(requirement.get("bearer", []))
    for role in PREFERENCE:
        if role in allowed:
            return role
    return None


@schemathesis.auth(refresh_interval=None)
class RoleToken:
    def get(self, case, context):
        role = role_for(context.operation)
        return TOKENS[role] if role else None

    def set(self, case, data, context):
        if data is not None:
            case.headers = case.headers or {}
            case.headers["Authorization"] = f"Bearer {data}"


@schemathesis.hook
def before_call(context, case, **kwargs):
    """Points a user write at a user that does not exist (404) instead of a protected account.

    A filter hook is not applied to every phase's cases, so the id is replaced just before the
    request is sent: this way no phase can end the run's own sessions.
    """
    operation = case.operation
    if not operation.path.startswith("/api/v1/users/{id}") or operation.method.lower() == "get":
        return
    parameters = case.path_parameters or {}
    if str(parameters.get("id")) in PROTECTED_USER_IDS:
        parameters["id"] = UNKNOWN_USER_ID
