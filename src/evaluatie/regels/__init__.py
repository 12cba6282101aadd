"""Regels: the evaluation as pure functions of a partnership and a kader — motives, ladders, costs, duty, data
quality, and `analyse`, which combines them. Uses only `domein`; reads no files, draws nothing."""
