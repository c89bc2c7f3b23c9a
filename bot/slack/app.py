"""The Bolt app factory: one visible place where every listener is registered."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App
from slack_bolt.oauth import OAuthFlow
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk.errors import SlackApiError
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy.engine import Engine

from bot.chat.router import Router
from bot.config import ConfigError, Settings
from bot.slack.clients import web_client
from bot.slack.listeners import actions, commands, events, forms, home
from bot.slack.middleware import ack_at_once, first_delivery, provide, respond_with_retries

# chat:write.public: post an assessment or plan in a channel the bot was not invited to;
# files:write: the assessment chart and the exports; users:read: time zones and admins
BOT_SCOPES = [
    "app_mentions:read",
    "chat:write",
    "chat:write.public",
    "commands",
    "files:write",
    "im:history",
    "im:read",
    "im:write",
    "users:read",
]
INSTALL_PATH = "/slack/install"
LISTENER_THREADS = 16  # as many as the web server's threads: answers are not held up behind each other
REDIRECT_PATH = "/slack/oauth_redirect"

log = logging.getLogger(__name__)


def check_slack_settings(settings: Settings, *, socket_mode: bool, receives_requests: bool = True) -> None:
    """Stop with one line naming the missing or bad setting (the clock receives no requests)."""
    multi = bool(settings.slack_client_id and settings.slack_client_secret)
    if bool(settings.slack_client_id) != bool(settings.slack_client_secret):
        raise ConfigError(
            "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET go together: set both (App Credentials page) or neither"
        )
    if not multi and not settings.slack_bot_token:
        raise ConfigError(
            "SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-...) from your app's "
            "OAuth & Permissions page"
        )
    if settings.slack_bot_token and not settings.slack_bot_token.startswith("xoxb-"):
        raise ConfigError("SLACK_BOT_TOKEN must be a bot token starting with xoxb- (OAuth & Permissions page)")
    if not receives_requests:
        return
    if socket_mode and not (settings.slack_app_token or "").startswith("xapp-"):
        raise ConfigError(
            "SLACK_APP_TOKEN must be an app-level token starting with xapp- (Basic Information > "
            "App-Level Tokens, scope connections:write)"
        )
    if not socket_mode and not settings.slack_signing_secret:
        raise ConfigError(
            "SLACK_SIGNING_SECRET is not set: copy the Signing Secret from your app's Basic Information page"
        )


def installation_store(settings: Settings, engine: Engine) -> SQLAlchemyInstallationStore | None:
    """The workspaces' bot tokens (multi-workspace install), or None with a single SLACK_BOT_TOKEN."""
    if settings.slack_client_id and settings.slack_client_secret:
        return SQLAlchemyInstallationStore(client_id=settings.slack_client_id, engine=engine)
    return None


def listener_pool() -> ThreadPoolExecutor:
    """The threads that run listeners after the ack (Bolt's default is 5); shut it down to finish their work."""
    return ThreadPoolExecutor(max_workers=LISTENER_THREADS, thread_name_prefix="iso20k-listener")


def create_app(
    *,
    settings: Settings,
    router: Router,
    engine: Engine,
    socket_mode: bool = False,
    listeners: ThreadPoolExecutor | None = None,
) -> App:
    """Build the Bolt app: single workspace with a bot token, or multi-workspace with OAuth."""
    check_slack_settings(settings, socket_mode=socket_mode)
    client = web_client(base_url=settings.slack_api_url)
    signing_secret = settings.slack_signing_secret or "socket-mode"
    installations = installation_store(settings, engine)
    if installations is not None:
        oauth = OAuthFlow(
            client=client,
            settings=OAuthSettings(
                client_id=settings.slack_client_id,
                client_secret=settings.slack_client_secret,
                scopes=BOT_SCOPES,
                installation_store=installations,
                state_store=SQLAlchemyOAuthStateStore(expiration_seconds=600, engine=engine),
                install_path=INSTALL_PATH,
                redirect_uri_path=REDIRECT_PATH,
            ),
        )
        app = App(
            oauth_flow=oauth,
            installation_store=installations,
            signing_secret=signing_secret,
            request_verification_enabled=not socket_mode,
            client=client,
            process_before_response=False,
            listener_executor=listeners or listener_pool(),
        )
    else:
        client.token = settings.slack_bot_token
        try:
            app = App(
                token=settings.slack_bot_token,
                signing_secret=signing_secret,
                request_verification_enabled=not socket_mode,
                client=client,
                process_before_response=False,
                listener_executor=listeners or listener_pool(),
            )
        except SlackApiError as exc:
            raise ConfigError(
                f"SLACK_BOT_TOKEN was refused by Slack ({exc.response.get('error')}): "
                "reinstall the app and copy the current xoxb- token"
            ) from None
    register(app, router)
    return app


def register(app: App, router: Router) -> None:
    """Every listener, in one place; every event listener drops Slack's retries of a handled event."""
    services = router.services
    once = first_delivery(services.sessions, services.clock)
    app.use(provide(router))
    app.use(respond_with_retries)
    app.event("app_mention")(once(events.on_mention))
    app.event("message", matchers=[events.is_person_dm])(once(events.on_direct_message))
    app.event("message")(_ignore)  # channel messages, edits and the bot's own: nothing to do
    app.event("app_home_opened")(once(home.on_home_opened))
    at_once = [ack_at_once]  # events are acknowledged by Bolt itself before their listener runs
    app.command("/iso20k", middleware=at_once)(commands.on_command)
    app.action(actions.ACTION_IDS, middleware=at_once)(actions.on_action)
    app.view(actions.ACTION_IDS, middleware=at_once)(forms.on_submission)
    app.error(_log_error)


def _ignore() -> None:
    return None


def _log_error(error: Exception, body: dict) -> None:
    log.exception("error while handling a %s request", body.get("type", "Slack"), exc_info=error)
