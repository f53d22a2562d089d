"""delta flowing back through an MLP 3-4-4-2: values from one loss_and_grads call (dL/db^(l) = delta^(l) for one example)."""

from syllabus_code.diagrams.network import delta_figure, delta_spec


def make_figure(theme="light"):
    return delta_figure(delta_spec(), theme=theme)
