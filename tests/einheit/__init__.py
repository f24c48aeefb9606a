"""Unit tests: loader, schema, rendering, escaping, charts, open data, timeline — functions called directly."""
