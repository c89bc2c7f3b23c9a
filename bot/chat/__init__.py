"""Surface-neutral use cases: what the bot does with a message or a click, for Slack and the console.

Nothing here imports Bolt or the Web API; the surfaces turn an `Outcome` into messages.
"""
