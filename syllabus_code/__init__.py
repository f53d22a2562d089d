"""Companion code for the course *From Perceptron to Vision Transformer*.

Organised by topic, not by module number:

* :mod:`syllabus_code.maths` - linear algebra, numeric derivatives, probability, information theory, optimisation;
* :mod:`syllabus_code.data` - MNIST, Fashion-MNIST and CIFAR-10 through torchvision, with an offline root setting.

Every function shown on the course site is tested in ``tests/test_<package>_<module>.py``.
"""

__version__ = "0.1.0"
