"""The Bolt app factory: one visible place where every listener is registered."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from slack_bolt import App
from slack_bolt.oauth import OAuthFlow
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk.errors import SlackApiError
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy.engine import Engine

from bot.chat import Chat
from bot.config import ConfigError, Settings
from bot.slack.clients import web_client
from bot.slack.dedupe import EventClaims
from bot.slack.listeners import ask, home

BOT_SCOPES = ["app_mentions:read", "chat:write", "commands", "im:history", "im:read", "im:write"]
INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"

log = logging.getLogger(__name__)


def check_slack_settings(settings: Settings, *, socket_mode: bool) -> None:
    """Stop with one line naming the missing or bad setting."""
    multi = bool(settings.slack_client_id and settings.slack_client_secret)
    if bool(settings.slack_client_id) != bool(settings.slack_client_secret):
        raise ConfigError(
            "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET go together: set both (App Credentials page) or neither"
        )
    if not multi and not settings.slack_bot_token:
        raise ConfigError("SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-...) from your app's "
                          "OAuth & Permissions page")
    if settings.slack_bot_token and not settings.slack_bot_token.startswith("xoxb-"):
        raise ConfigError("SLACK_BOT_TOKEN must be a bot token starting with xoxb- (OAuth & Permissions page)")
    if socket_mode and not (settings.slack_app_token or "").startswith("xapp-"):
        raise ConfigError("SLACK_APP_TOKEN must be an app-level token starting with xapp- (Basic Information > "
                          "App-Level Tokens, scope connections:write)")
    if not socket_mode and not settings.slack_signing_secret:
        raise ConfigError("SLACK_SIGNING_SECRET is not set: copy the Signing Secret from your app's Basic "
                          "Information page")


def create_app(*, settings: Settings, chat: Chat, engine: Engine, clock: Callable[[], datetime],
               socket_mode: bool = False) -> App:
    """Build the Bolt app: single workspace with a bot token, or multi-workspace with OAuth."""
    check_slack_settings(settings, socket_mode=socket_mode)
    client = web_client(base_url=settings.slack_api_url)
    common = dict(
        signing_secret=settings.slack_signing_secret or "socket-mode",
        request_verification_enabled=not socket_mode,
        client=client,
        process_before_response=False,
    )
    if settings.slack_client_id and settings.slack_client_secret:
        installations = SQLAlchemyInstallationStore(client_id=settings.slack_client_id, engine=engine)
        oauth = OAuthFlow(client=client, settings=OAuthSettings(
            client_id=settings.slack_client_id, client_secret=settings.slack_client_secret, scopes=BOT_SCOPES,
            installation_store=installations,
            state_store=SQLAlchemyOAuthStateStore(expiration_seconds=600, engine=engine),
            install_path=INSTALL_PATH, redirect_uri_path=REDIRECT_PATH,
        ))
        app = App(oauth_flow=oauth, installation_store=installations, **common)
    else:
        client.token = settings.slack_bot_token
        try:
            app = App(token=settings.slack_bot_token, **common)
        except SlackApiError as exc:
            raise ConfigError(f"SLACK_BOT_TOKEN was refused by Slack ({exc.response.get('error')}): "
                              "reinstall the app and copy the current xoxb- token") from None
    claims = EventClaims(chat.sessions, clock)
    ask.register(app, chat, claims)
    home.register(app, claims)
    app.error(_log_error)
    return app


def _log_error(error: Exception, body: dict) -> None:
    log.exception("error while handling a %s request", body.get("type", "Slack"), exc_info=error)
