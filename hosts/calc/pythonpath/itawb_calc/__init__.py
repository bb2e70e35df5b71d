"""The ITA extension's Python package (see itawb_dispatch.py)."""
