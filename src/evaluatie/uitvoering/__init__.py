"""Uitvoering: turning notebooks into reports — tasks, output formats, the render cache, cold and warm kernels,
batches (processes or Dask), and the packaged report notebooks. Uses the layers below it."""
