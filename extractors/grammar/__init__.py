"""Grammars shared by several extractors — in: folded text (``pipeline.text.fold_in_place``); out: typed
mentions with offsets into that text. ``time``: days, months, quarters, years, ranges and their relation words.
"""
