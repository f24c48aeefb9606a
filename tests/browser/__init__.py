"""Tests that drive Chromium through Playwright; fixtures.py holds their fixtures (a pytest plugin)."""
