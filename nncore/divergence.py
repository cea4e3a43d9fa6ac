"""Why a run stopped early: short codes that pages translate into text.

nncore writes no prose for a user interface; a page maps each code to a sentence in the
student's language (and may add the numbers it knows, such as the step or the box).
"""

TRAINING_DIVERGED = "training_diverged"
"""train_mlp: the loss or a weight became non-finite or exceeded BLOW_UP; the weights returned
are those of the last good epoch."""

GRADIENT_NONFINITE = "gradient_nonfinite"
"""descend: the gradient was infinite or not a number."""

LEFT_BOX = "left_box"
"""descend: the point left the box |x|, |y| <= limit."""

LOSS_NONFINITE = "loss_nonfinite"
"""descend: the loss became infinite or not a number."""

CODES = (TRAINING_DIVERGED, GRADIENT_NONFINITE, LEFT_BOX, LOSS_NONFINITE)
