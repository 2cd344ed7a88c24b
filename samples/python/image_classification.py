#!/usr/bin/env python3
"""Classifies a picture with a TensorFlow Lite or ONNX classifier and prints the five likeliest labels.

    python3 samples/python/image_classification.py [--image tests/models/bundled/sample_triangle.npy]
        [--model tests/models/bundled/shapes_classifier.tflite] [--labels tests/models/bundled/shapes_labels.txt]
        [--backends CpuAcc,CpuRef]

The image is a .npy array (already scaled as the model expects), or a PNG/JPEG when Pillow is installed (scaled
to [0, 1] and resized to the model's input)."""
import argparse
import os
import sys

import numpy as np

import pyarmnn

BUNDLED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "models", "bundled")


def load_image(path, shape):
    if path.endswith(".npy"):
        return np.load(path).astype(np.float32)
    try:
        from PIL import Image
    except ImportError:
        sys.exit("reading {} needs Pillow (pip install pillow); .npy files need nothing".format(path))
    height, width = shape[1], shape[2]
    image = Image.open(path).convert("RGB").resize((width, height))
    return (np.asarray(image, dtype=np.float32) / 255.0)[np.newaxis]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--image", default=os.path.join(BUNDLED, "sample_triangle.npy"))
    parser.add_argument("--model", default=os.path.join(BUNDLED, "shapes_classifier.tflite"))
    parser.add_argument("--labels", default=os.path.join(BUNDLED, "shapes_labels.txt"))
    parser.add_argument("--backends", default="CpuAcc,CpuRef")
    args = parser.parse_args()

    model = pyarmnn.Model(args.model, backends=args.backends.split(","), float_io=True)
    scores = model.run(load_image(args.image, model.input_shapes[0]))[0].reshape(-1)
    with open(args.labels) as f:
        labels = [line.strip() for line in f]
    for index in np.argsort(scores)[::-1][:5]:
        label = labels[index] if index < len(labels) else str(index)
        print("{:>3}  {:<12} {:.6f}".format(index, label, scores[index]))


if __name__ == "__main__":
    main()
