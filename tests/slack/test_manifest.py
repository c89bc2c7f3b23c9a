"""The manifests create an app with what the code needs: scopes, events, command, interactivity."""

import pytest
import yaml

from bot.slack.app import BOT_SCOPES
from tests.conftest import ROOT


@pytest.mark.parametrize("name, socket_mode", [("slack-manifest.yml", False), ("slack-manifest.socket-mode.yml", True)])
def test_manifest_matches_the_app(name, socket_mode):
    manifest = yaml.safe_load((ROOT / name).read_text())
    assert sorted(manifest["oauth_config"]["scopes"]["bot"]) == sorted(BOT_SCOPES)
    assert set(manifest["settings"]["event_subscriptions"]["bot_events"]) == {
        "app_mention",
        "message.im",
        "app_home_opened",
    }
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == ["/iso20k"]
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert manifest["settings"]["socket_mode_enabled"] is socket_mode
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True
    if not socket_mode:
        urls = [
            manifest["settings"]["event_subscriptions"]["request_url"],
            manifest["settings"]["interactivity"]["request_url"],
            manifest["features"]["slash_commands"][0]["url"],
        ]
        assert all(url.endswith("/slack/events") for url in urls)
        assert manifest["oauth_config"]["redirect_urls"][0].endswith("/slack/oauth_redirect")


def test_procfile_runs_web_clock_and_migrations():
    lines = dict(line.split(": ", 1) for line in (ROOT / "Procfile").read_text().splitlines() if line)
    assert lines["web"] == "iso20k serve --no-scheduler" and lines["release"] == "iso20k db upgrade"
    assert lines["clock"] == "iso20k clock"
