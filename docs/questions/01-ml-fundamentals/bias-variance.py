"""Self-check questions for docs/01-ml-fundamentals/bias-variance.md (numbers from syllabus_code)."""

import numpy as np

from syllabus_code.ml.bias_variance import BiasVariance, bias_variance
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option


def _split(preds, truth, sigma) -> BiasVariance:
    """Bias², variance (over training sets, ddof = 0) and noise at one input, as the page's
    decomposition defines them."""
    preds = np.asarray(preds)
    bias2 = float((preds.mean() - truth) ** 2)
    variance = float(preds.var())
    return BiasVariance(
        degree=0,
        bias2=bias2,
        variance=variance,
        noise=sigma**2,
        expected_mse=float("nan"),
        gap_se=float("nan"),
    )


def questions():
    p1, f1 = [0.9, 1.3, 1.1, 1.5], 1.0
    s1 = _split(p1, f1, 0.3)
    bias = float(np.mean(p1) - f1)

    p2, f2, sigma = [1.2, 0.8, 1.4, 1.0], 1.0, 0.3
    s2 = _split(p2, f2, sigma)
    var_ddof1 = float(np.var(p2, ddof=1))

    r8 = bias_variance(8, n_train=30, trials=100, rng=np.random.default_rng(0))
    return [
        Numeric(
            id="bias2",
            prompt=(
                f"At one input the true value is \\(f(x) = {f1:g}\\), and four training "
                f"sets give the predictions {', '.join(f'{v:g}' for v in p1)}. What is "
                "the bias² term at this input? Give 3 decimals."
            ),
            answer=s1.bias2,
            tolerance=0.0005,
            solution=(
                f"\\(\\bar f(x) = {np.mean(p1):g}\\), so "
                f"\\(\\text{{bias}}^2 = ({np.mean(p1):g} - {f1:g})^2 = {s1.bias2:g}\\)."
            ),
            hint="Average the predictions first, then compare the average with \\(f(x)\\).",
            mistakes=(
                Mistake(bias, "That is the bias; the decomposition uses its square."),
                Mistake(
                    s1.bias2 + s1.variance,
                    "That is the mean squared distance of the "
                    "predictions from \\(f(x)\\), bias² + variance: square the distance "
                    "of the *average* prediction.",
                ),
            ),
        ),
        Numeric(
            id="expected-error",
            prompt=(
                f"At one input \\(f(x) = {f2:g}\\), four training sets give the predictions "
                f"{', '.join(f'{v:g}' for v in p2)}, and the noise has "
                f"\\(\\sigma = {sigma}\\). What is the expected squared error "
                "\\(\\mathbb E[(y - \\hat f(x))^2]\\) at this input, treating the four "
                "training sets as the whole distribution of \\(D\\)? Give 2 decimals."
            ),
            answer=s2.total,
            tolerance=0.005,
            solution=(
                f"\\(\\bar f = {np.mean(p2):g}\\): bias² \\(= {s2.bias2:.4g}\\); "
                f"variance (mean squared deviation from \\(\\bar f\\)) "
                f"\\(= {s2.variance:.4g}\\); noise \\(\\sigma^2 = {s2.noise:.4g}\\). "
                f"Sum: \\({s2.total:.4g}\\)."
            ),
            hint="Add bias², variance and noise \\(\\sigma^2\\).",
            mistakes=(
                Mistake(
                    s2.bias2 + s2.variance,
                    "You left out the noise \\(\\sigma^2\\), which no model removes.",
                ),
                Mistake(
                    s2.bias2 + s2.variance + sigma,
                    "The noise term is \\(\\sigma^2\\), not \\(\\sigma\\).",
                ),
                Mistake(
                    s2.bias2 + var_ddof1 + s2.noise,
                    "The variance here is the mean "
                    "over the training sets (divide by 4, not 3).",
                ),
            ),
        ),
        Choice(
            id="remedy",
            prompt=(
                f"Degree-8 polynomials fitted to 30 points measure bias² "
                f"\\(\\approx {r8.bias2:.3f}\\) and variance \\(\\approx {r8.variance:.2f}\\) "
                "(noise 0.09). Which change is most likely to lower the expected test error?"
            ),
            options=(
                Option(
                    "A higher degree",
                    False,
                    "That adds flexibility and raises the variance further; the bias is "
                    "already small.",
                ),
                Option(
                    "Nothing can: the error is mostly noise",
                    False,
                    f"The noise is 0.09, far below the variance of {r8.variance:.2f}.",
                ),
                Option(
                    "Fewer degrees or more training points",
                    True,
                    "Right: variance dominates (over-fitting); a simpler model or more data "
                    "makes the fit move less between training sets.",
                ),
            ),
            solution=(
                f"Here variance ({r8.variance:.2f}) \\(\\gg\\) bias² ({r8.bias2:.3f}): "
                "over-fitting, cured by reducing variance."
            ),
        ),
        Choice(
            id="which-loss",
            prompt="For which loss does the expected error split exactly into bias² + variance + noise?",
            options=(
                Option(
                    "The squared loss",
                    True,
                    "Right: the cross terms vanish because the loss is a square and "
                    "expectation is linear.",
                ),
                Option(
                    "The 0–1 loss of a classifier",
                    False,
                    "For the 0–1 loss there is no such additive split; the trade-off is "
                    "only a qualitative guide there.",
                ),
                Option(
                    "Every loss",
                    False,
                    "The derivation expands a square; other losses (0–1, cross-entropy) do "
                    "not split into three added terms.",
                ),
            ),
            solution=(
                "\\(\\mathbb E[(y - \\hat f)^2]\\) expands into squares and cross terms; "
                "each cross term has a zero-mean factor, so only bias², variance and "
                "\\(\\sigma^2\\) remain. Nothing similar happens for other losses."
            ),
        ),
    ]
