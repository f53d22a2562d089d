"""Diagrams of the course's structures, drawn with Matplotlib from the package's own objects.

A diagram reads its numbers (shapes from a forward pass, channel and parameter counts, kernel
sizes) from the model or layer it shows, so it cannot disagree with the code. ``palette`` holds
the course's colours for inputs, weights, activations, gradients and operations, in a light and
a dark version.
"""
