"""Answer checkers for the exercises of every module, one file per module.

Every checker has the same contract: ``check_exN(answer) -> str``. It takes one answer (a
number, a tuple of numbers, an array or a function, as the exercise says) and returns a
verdict, ``"Correct: ..."`` for a right answer or ``"Not yet: ..."`` with a hint for a wrong
one. An answer of the wrong kind (a string for a count, a number for a function, a tuple of
the wrong length) raises ``TypeError`` naming what was expected. Data an exercise works on is
a module constant named after it (``EX1_INPUT``, ``EX3_Q``).

The file for module NN is ``mNN_<topic>``, named after its folder ``docs/NN-<topic>/``; import
the one you need (``from syllabus_code.exercises.m05_cnns import check_ex1``): the later
modules import PyTorch, the earlier ones only NumPy.
"""
