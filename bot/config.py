"""Settings: the only place that reads the environment."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite:///iso20k.db"

_HOW_TO_FIX = {
    "port": "set PORT to a port number between 1 and 65535, e.g. PORT=3000",
    "database_url": "set DATABASE_URL to e.g. sqlite:///iso20k.db or postgresql+psycopg://user@host/db",
    "iso20k_knowledge_dir": "set ISO20K_KNOWLEDGE_DIR to an existing folder of YAML entries, or unset it",
    "log_level": "set LOG_LEVEL to DEBUG, INFO, WARNING or ERROR",
    "slack_api_url": "set SLACK_API_URL to a URL ending in /api/, e.g. https://slack.com/api/",
}


class ConfigError(Exception):
    """A missing or bad setting; the message names it and says how to fix it."""


class Settings(BaseSettings):
    """Everything iso20k reads from the environment."""

    model_config = SettingsConfigDict(extra="ignore", case_sensitive=False)

    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_client_id: str | None = None
    slack_client_secret: str | None = None
    slack_api_url: str = "https://slack.com/api/"
    database_url: str = DEFAULT_DATABASE_URL
    port: int = Field(default=3000, ge=1, le=65535)
    iso20k_knowledge_dir: Path | None = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    xdg_cache_home: Path | None = None  # the user's cache folder, by the XDG convention

    @property
    def index_cache_dir(self) -> Path:
        """Where the built search index is kept between runs (`bot.knowledge.cache`)."""
        return (self.xdg_cache_home or Path.home() / ".cache") / "iso20k"

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("xdg_cache_home", mode="before")
    @classmethod
    def _unset_when_empty(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("iso20k_knowledge_dir")
    @classmethod
    def _existing_dir(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_dir():
            raise ValueError(f"{value} is not a folder")
        return value

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value if value.endswith("/") else value + "/"

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str) -> str:
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(value)
        except ArgumentError as exc:
            raise ValueError("is not a database URL") from exc
        if url.get_backend_name() not in ("sqlite", "postgresql"):
            raise ValueError("only sqlite and postgresql are supported")
        return value


def load_settings(**overrides: object) -> Settings:
    """Read the settings, turning a validation error into one line that says how to fix it."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]  # overrides are validated like the environment
    except ValidationError as exc:
        err = exc.errors()[0]
        name = str(err["loc"][0]) if err["loc"] else "setting"
        fix = _HOW_TO_FIX.get(name, f"check {name.upper()}")
        raise ConfigError(f"{name.upper()} is invalid ({err['msg']}): {fix}") from None
