"""Using ImageNet weights published for torchvision with the course's own models.

Offline (as in CI) pass ``weights=None``: torchvision then builds a randomly initialised model,
and the same loading code runs. Online, pass e.g. ``"IMAGENET1K_V1"``.
"""

from __future__ import annotations

import torch
import torchvision

from syllabus_code.models import get_model


# --8<-- [start:load]
def course_model_with_torchvision_weights(
    name: str, weights: str | None = "IMAGENET1K_V1"
) -> torch.nn.Module:
    """Our ``name`` model, carrying the weights of torchvision's model of the same name."""
    # downloads once when weights is set
    reference = torchvision.models.get_model(name, weights=weights)
    model = get_model(name)
    # every name and shape must match
    model.load_state_dict(reference.state_dict(), strict=True)
    return model.eval()


# --8<-- [end:load]


if __name__ == "__main__":
    torch.manual_seed(0)
    # offline: random weights
    model = course_model_with_torchvision_weights("resnet18", weights=None)
    reference = torchvision.models.resnet18(weights=None)
    reference.load_state_dict(model.state_dict())
    x = torch.randn(1, 3, 64, 64)
    with torch.no_grad():
        same = torch.allclose(model(x), reference.eval()(x))
    print("resnet18 loaded with strict=True; outputs equal:", same)
