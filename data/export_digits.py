"""Export scikit-learn's copy of the 8x8 digits into data/digits.npz (run once; needs scikit-learn).

    .venv/bin/pip install scikit-learn && .venv/bin/python data/export_digits.py

The lab reads the .npz with NumPy only (nncore.autoencoder.load_digits); scikit-learn is not a
runtime dependency. The printed SHA-256 of the pixel and label bytes is the one
tests/core/test_autoencoder.py checks.
"""

import hashlib
from pathlib import Path

import numpy as np
from sklearn.datasets import load_digits

OUT = Path(__file__).resolve().parent / "digits.npz"


def main() -> None:
    d = load_digits()
    images = d.images.astype(np.uint8)  # (1797, 8, 8), integers 0..16
    labels = d.target.astype(np.uint8)  # (1797,), 0..9
    assert np.array_equal(images, d.images) and images.max() == 16
    np.savez_compressed(OUT, images=images, labels=labels)
    digest = hashlib.sha256(images.tobytes() + labels.tobytes()).hexdigest()
    print(f"{OUT}: {OUT.stat().st_size} bytes, images {images.shape}, sha256 {digest}")


if __name__ == "__main__":
    main()
