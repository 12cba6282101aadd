"""Domein: what a partnership is (model), the frameworks it is judged by (kader), findings, errors, Dutch text and
number formatting, and the one way plain data becomes a validated partnership. Uses nothing else of the package."""
