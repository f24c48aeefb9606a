"""Hostile data and input: every case ends in a German located message, never a traceback or a half-built site."""
