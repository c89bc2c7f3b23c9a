"""Block Kit builders: pure functions from domain data to message blocks (no Bolt, no Web API).

The console renders the same blocks as text (`bot.views.text`).
"""
