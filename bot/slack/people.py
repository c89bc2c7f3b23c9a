"""What Slack knows about people (users.info): time zone and whether they administer the workspace."""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError

from bot.slack.clients import WorkspaceClients

log = logging.getLogger(__name__)
CACHED_PEOPLE = 1024


class SlackDirectory:
    """The `People` of the use cases, read from users.info with each workspace's token.

    Answers are kept for the life of the process; a failed look-up is not, so it is tried again next time.
    """

    def __init__(self, clients: WorkspaceClients) -> None:
        self.clients = clients
        self._known: dict[tuple[str, str], dict] = {}

    def _user(self, team_id: str, user_id: str) -> dict:
        key = (team_id, user_id)
        if key in self._known:
            return self._known[key]
        client = self.clients.for_team(team_id)
        if client is None:
            return {}
        try:
            user = dict(client.users_info(user=user_id).get("user") or {})
        except SlackApiError as exc:
            log.warning("users.info %s failed: %s", user_id, exc.response.get("error"))
            return {}
        except OSError as exc:
            log.warning("users.info %s failed: %s", user_id, exc)
            return {}
        if len(self._known) >= CACHED_PEOPLE:
            self._known.pop(next(iter(self._known)))
        self._known[key] = user
        return user

    def time_zone(self, team_id: str, user_id: str) -> str | None:
        return self._user(team_id, user_id).get("tz") or None

    def is_admin(self, team_id: str, user_id: str) -> bool:
        user = self._user(team_id, user_id)
        return bool(user.get("is_admin") or user.get("is_owner"))
