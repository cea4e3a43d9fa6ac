"""Why a run stopped early: short codes that pages translate into text.

nncore writes no prose for a user interface; a page maps each code to a sentence in the
student's language (and may add the numbers it knows, such as the step or the box).
"""

TRAINING_DIVERGED = "training_diverged"
"""train_mlp: the loss or a weight became non-finite or exceeded BLOW_UP; the weights returned
are those of the last good epoch."""

LEFT_BOX = "left_box"
"""descend: the point left the box |x|, |y| <= limit (the steps grew without bound: usually a
learning rate too large for the surface)."""

OVERFLOW = "overflow"
"""descend: a number became infinite (the gradient, the point or f): too large for float64."""

UNDEFINED = "undefined"
"""descend: f or its gradient is not a number at the point (NaN): the path reached where the
formula is not defined, e.g. log or sqrt of a negative number, or 0/0."""

CODES = (TRAINING_DIVERGED, LEFT_BOX, OVERFLOW, UNDEFINED)
