"""Self-check questions for docs/00-foundations/probability.md (numbers from syllabus_code)."""

import numpy as np

from syllabus_code.maths.probability import (
    diagnostic_test_posterior,
    expectation,
    gaussian_mle,
    variance,
)
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option


def questions():
    prev, sens, spec = 0.02, 0.95, 0.90
    post = diagnostic_test_posterior(prev, sens, spec)
    joint = sens * prev
    evidence = joint + (1 - spec) * (1 - prev)

    values, probs = [0, 1, 2], [0.5, 0.25, 0.25]
    mu = expectation(values, probs)
    ex2 = expectation(np.square(values), probs)
    var = variance(values, probs)

    sample = np.array([1.0, 2.0, 6.0])
    _, mle_var = gaussian_mle(sample)  # (mean, variance)
    unbiased = float(np.var(sample, ddof=1))
    return [
        Numeric(
            id="test-posterior",
            prompt=(
                f"A disease has prevalence {prev}; a test has sensitivity "
                f"\\(P(+\\mid D) = {sens}\\) and specificity \\(P(-\\mid \\neg D) = {spec}\\). "
                "What is \\(P(D \\mid +)\\)? Give 3 decimals."
            ),
            answer=post,
            tolerance=0.0005,
            solution=(
                f"Bayes: \\(P(D\\mid +) = \\dfrac{{{sens}\\times{prev}}}{{{sens}\\times{prev}"
                f" + {1 - spec:.2f}\\times{1 - prev:.2f}}} = \\dfrac{{{joint:.3f}}}"
                f"{{{evidence:.3f}}} \\approx {post:.3f}\\)."
            ),
            hint="Divide \\(P(+\\mid D)P(D)\\) by the total probability of a positive test.",
            mistakes=(
                Mistake(
                    sens,
                    "That is \\(P(+\\mid D)\\), the sensitivity; the question asks "
                    "for \\(P(D\\mid +)\\).",
                ),
                Mistake(
                    joint, "That is \\(P(+, D)\\): divide by the evidence \\(P(+)\\)."
                ),
            ),
        ),
        Numeric(
            id="variance",
            prompt=(
                "\\(X\\) takes the values 0, 1, 2 with probabilities 0.5, 0.25, 0.25. What is "
                "\\(\\mathrm{Var}(X)\\)? Give 2 decimals."
            ),
            answer=var,
            tolerance=0.005,
            solution=(
                f"\\(\\mathbb E[X] = {mu:g}\\), \\(\\mathbb E[X^2] = {ex2:g}\\), so "
                f"\\(\\mathrm{{Var}}(X) = {ex2:g} - {mu:g}^2 = {var:g}\\)."
            ),
            hint="\\(\\mathrm{Var}(X) = \\mathbb E[X^2] - \\mathbb E[X]^2\\).",
            mistakes=(
                Mistake(
                    ex2,
                    "That is \\(\\mathbb E[X^2]\\): subtract \\(\\mathbb E[X]^2\\).",
                ),
                Mistake(
                    float(np.sqrt(var)),
                    "That is the standard deviation, the square root of the variance.",
                ),
                Mistake(
                    ex2 - mu,
                    "Subtract the *square* of the mean, \\(\\mathbb E[X]^2\\).",
                ),
            ),
        ),
        Choice(
            id="mle-variance",
            prompt=(
                "The maximum-likelihood estimate of a Gaussian's variance from the sample "
                "1, 2, 6 is:"
            ),
            options=(
                Option(
                    f"\\({unbiased:g}\\), dividing by \\(n - 1 = 2\\)",
                    False,
                    "That is the unbiased estimate; the MLE divides by \\(n\\) and is biased "
                    "low, \\(\\mathbb E[\\hat\\sigma^2] = \\frac{n-1}{n}\\sigma^2\\).",
                ),
                Option(
                    f"\\({float(np.std(sample)):.3f}\\)",
                    False,
                    "That is \\(\\hat\\sigma\\), the standard deviation, not the variance.",
                ),
                Option(
                    f"\\({mle_var:g}\\), dividing by \\(n = 3\\)",
                    True,
                    "Right: setting \\(\\partial\\ell/\\partial\\sigma^2 = 0\\) gives "
                    "\\(\\hat\\sigma^2 = \\frac1n\\sum_i (x_i - \\bar x)^2\\).",
                ),
            ),
            solution=(
                f"\\(\\bar x = {sample.mean():g}\\); the squared deviations add up to "
                f"{float(((sample - sample.mean()) ** 2).sum()):g}; the MLE divides by "
                f"\\(n = 3\\): \\(\\hat\\sigma^2 = {mle_var:g}\\)."
            ),
        ),
    ]
