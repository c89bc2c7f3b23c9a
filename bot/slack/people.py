"""What Slack knows about people (users.info): time zone and whether they administer the workspace."""

from __future__ import annotations

import logging
from functools import lru_cache

from slack_sdk.errors import SlackApiError

from bot.slack.clients import WorkspaceClients

log = logging.getLogger(__name__)


class SlackDirectory:
    """The `People` of the use cases, read from users.info with each workspace's token."""

    def __init__(self, clients: WorkspaceClients) -> None:
        self.clients = clients
        self._user = lru_cache(maxsize=1024)(self._fetch)

    def _fetch(self, team_id: str, user_id: str) -> dict:
        client = self.clients.for_team(team_id)
        if client is None:
            return {}
        try:
            return dict(client.users_info(user=user_id).get("user") or {})
        except SlackApiError as exc:
            log.warning("users.info %s failed: %s", user_id, exc.response.get("error"))
            return {}

    def time_zone(self, team_id: str, user_id: str) -> str | None:
        return self._user(team_id, user_id).get("tz") or None

    def is_admin(self, team_id: str, user_id: str) -> bool:
        user = self._user(team_id, user_id)
        return bool(user.get("is_admin") or user.get("is_owner"))
