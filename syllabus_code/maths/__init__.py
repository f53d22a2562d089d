"""Foundation mathematics (Module 0): numeric derivatives, linear algebra, probability,
information theory and optimisation, each checked against closed forms and PyTorch in the tests."""

from syllabus_code.maths.derivatives import central_difference, forward_difference, gradient, hessian, jacobian

__all__ = ["central_difference", "forward_difference", "gradient", "hessian", "jacobian"]
