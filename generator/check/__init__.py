"""Checks of the built site before it replaces the published one: links, anchors, hosts, scripts."""
