"""Delivery: the student web pages (templates + HTMX)."""
