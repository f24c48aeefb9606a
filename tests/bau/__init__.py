"""Assertions on the built site: pages, content, history, HTML repairs, valid HTML."""
