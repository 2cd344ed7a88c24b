#!/usr/bin/env python3
"""Generates the TensorFlow Lite test models: single-operator models and whole networks, fp32 and quantized.

Models are built with Keras (random weights, fixed seeds) and converted with the TFLite converter. They go to a
cache directory outside the repository (ARMNN_TEST_MODELS, default ~/.cache/armnn-test-models) with a manifest
(manifest.json); a model already there with the same recipe version is not generated again.

Variants:
  fp32   float model
  int8   full-integer quantization (representative dataset), int8 inputs and outputs
  uint8  the same with uint8 inputs and outputs (the converter keeps int8 inside and adds QUANTIZE at the edges)

Usage:
  generate_models.py [--only REGEX] [--set ops|networks|all] [--force] [--list]
  generate_models.py --bundled DIR     trains the small bundled classifier and writes it to DIR
"""

import argparse
import hashlib
import json
import os
import re
import sys
import time

# Bump when every recipe changes (a recipe's own "version" when only it does) so that cached models are regenerated.
RECIPE_VERSION = 1
SEED = 20240601


def cache_dir():
    return os.environ.get("ARMNN_TEST_MODELS") or os.path.join(os.path.expanduser("~"), ".cache",
                                                               "armnn-test-models")


def quiet_tensorflow():
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
    import absl.logging
    absl.logging.set_verbosity(absl.logging.ERROR)


# ---------------------------------------------------------------------------------------------------------------
# Recipes. Each builds a Keras model from a fixed seed; "inputs" are the batch-1 input shapes, "range" the range
# of the representative (calibration) data and of the comparison's random inputs.


def single_op_recipes(keras, tf):
    L = keras.layers

    def one(shape, layer_fn):
        def build():
            inp = keras.Input(shape[1:], batch_size=1)
            return keras.Model(inp, layer_fn(inp))
        return build

    def two(shape_a, shape_b, fn):
        def build():
            a = keras.Input(shape_a[1:], batch_size=1)
            b = keras.Input(shape_b[1:], batch_size=1)
            return keras.Model([a, b], fn(a, b))
        return build

    img = (1, 16, 16, 8)
    r = {}
    r["conv2d"] = ([img], one(img, lambda x: L.Conv2D(16, 3, padding="same")(x)), "CONV_2D")
    r["conv2d_stride2_valid_relu"] = ([img], one(img, lambda x: L.Conv2D(8, 3, strides=2, activation="relu")(x)),
                                      "CONV_2D")
    r["depthwise_conv2d"] = ([img], one(img, lambda x: L.DepthwiseConv2D(3, padding="same")(x)),
                             "DEPTHWISE_CONV_2D")
    r["depthwise_conv2d_multiplier2_relu6"] = (
        [img], one(img, lambda x: L.DepthwiseConv2D(3, strides=2, depth_multiplier=2, padding="same",
                                                    activation="relu6")(x)), "DEPTHWISE_CONV_2D")
    r["transpose_conv"] = ([img], one(img, lambda x: L.Conv2DTranspose(4, 3, strides=2, padding="same")(x)),
                           "TRANSPOSE_CONV")
    r["fully_connected"] = ([(1, 32)], one((1, 32), lambda x: L.Dense(10)(x)), "FULLY_CONNECTED")
    r["max_pool2d"] = ([img], one(img, lambda x: L.MaxPooling2D(2)(x)), "MAX_POOL_2D")
    r["average_pool2d"] = ([img], one(img, lambda x: L.AveragePooling2D(3, strides=2, padding="same")(x)),
                           "AVERAGE_POOL_2D")
    r["mean"] = ([img], one(img, lambda x: L.GlobalAveragePooling2D()(x)), "MEAN")
    r["add"] = ([img, img], two(img, img, lambda a, b: L.Add()([a, b])), "ADD")
    r["sub"] = ([img, img], two(img, img, lambda a, b: L.Subtract()([a, b])), "SUB")
    r["mul"] = ([img, img], two(img, img, lambda a, b: L.Multiply()([a, b])), "MUL")
    r["concatenation"] = ([img, img], two(img, img, lambda a, b: L.Concatenate(axis=-1)([a, b])), "CONCATENATION")
    r["relu"] = ([img], one(img, lambda x: L.ReLU()(x)), "RELU")
    r["relu6"] = ([img], one(img, lambda x: L.ReLU(6.0)(x * 4.0)), "RELU6")
    r["logistic"] = ([img], one(img, lambda x: L.Activation("sigmoid")(x)), "LOGISTIC")
    r["tanh"] = ([img], one(img, lambda x: L.Activation("tanh")(x)), "TANH")
    r["softmax"] = ([(1, 10)], one((1, 10), lambda x: L.Softmax()(x * 3.0)), "SOFTMAX")
    r["reshape"] = ([img], one(img, lambda x: L.Reshape((16, 128))(x)), "RESHAPE")
    r["pad"] = ([img], one(img, lambda x: L.ZeroPadding2D(((1, 2), (0, 1)))(x)), "PAD")
    r["transpose"] = ([img], one(img, lambda x: L.Permute((3, 1, 2))(x)), "TRANSPOSE")
    r["resize_bilinear"] = ([img], one(img, lambda x: L.UpSampling2D(2, interpolation="bilinear")(x)),
                            "RESIZE_BILINEAR")
    r["resize_nearest"] = ([img], one(img, lambda x: L.UpSampling2D(2, interpolation="nearest")(x)),
                           "RESIZE_NEAREST_NEIGHBOR")
    r["batch_matmul"] = ([(1, 8, 16), (1, 16, 12)],
                         two((1, 8, 16), (1, 16, 12), lambda a, b: keras.ops.matmul(a, b)), "BATCH_MATMUL")
    for name, (inputs, build, op) in r.items():
        yield dict(name=name, kind="op", ops=[op], inputs=inputs, build=build, range=(-1.0, 1.0),
                   variants=("fp32", "int8", "uint8"))


def network_recipes(keras, tf):
    L = keras.layers
    apps = keras.applications

    def batch_one(application, size):
        # Logits, not probabilities: with random weights a 1000-way softmax is nearly uniform and would quantize to
        # almost the same value everywhere, which would make the comparison weak.
        # Called on a batch-1 input, so that every shape is static: with a free batch dimension the converter turns
        # Keras's reshapes into SHAPE/STRIDED_SLICE/PACK chains that no deployed model has.
        inp = keras.Input((size, size, 3), batch_size=1)
        return keras.Model(inp, application(inp))

    def mobilenet_v1():
        return batch_one(apps.MobileNet(input_shape=(128, 128, 3), alpha=0.25, weights=None, classes=1000,
                                         classifier_activation=None), 128)

    def mobilenet_v2():
        return batch_one(apps.MobileNetV2(input_shape=(96, 96, 3), alpha=0.35, weights=None, classes=1000,
                                           classifier_activation=None), 96)

    def resnet50():
        return batch_one(apps.ResNet50(input_shape=(128, 128, 3), weights=None, classes=1000,
                                       classifier_activation=None), 128)

    def kws_ds_cnn():
        # A small depthwise-separable keyword-spotting CNN over 49 frames x 10 MFCC features, 12 classes.
        inp = keras.Input((49, 10, 1), batch_size=1)
        x = L.Conv2D(64, (10, 4), strides=(2, 2), padding="same", use_bias=False)(inp)
        x = L.ReLU()(L.BatchNormalization(momentum=0.9)(x))
        for _ in range(4):
            x = L.DepthwiseConv2D(3, padding="same", use_bias=False)(x)
            x = L.ReLU()(L.BatchNormalization(momentum=0.9)(x))
            x = L.Conv2D(64, 1, use_bias=False)(x)
            x = L.ReLU()(L.BatchNormalization(momentum=0.9)(x))
        x = L.GlobalAveragePooling2D()(x)
        return keras.Model(inp, L.Softmax()(L.Dense(12)(x)))

    def transformer_encoder():
        # One encoder block: multi-head self-attention and a feed-forward network, each with a residual and
        # layer normalization; 16 tokens of width 64, 4 heads.
        inp = keras.Input((16, 64), batch_size=1)
        att = L.MultiHeadAttention(num_heads=4, key_dim=16)(inp, inp)
        x = L.LayerNormalization(epsilon=1e-5)(inp + att)
        ff = L.Dense(64)(L.Dense(128, activation="relu")(x))
        return keras.Model(inp, L.LayerNormalization(epsilon=1e-5)(x + ff))

    nets = [
        ("mobilenet_v1_0.25_128", [(1, 128, 128, 3)], mobilenet_v1),
        ("mobilenet_v2_0.35_96", [(1, 96, 96, 3)], mobilenet_v2),
        ("resnet50_128", [(1, 128, 128, 3)], resnet50),
        ("kws_ds_cnn", [(1, 49, 10, 1)], kws_ds_cnn),
        ("transformer_encoder", [(1, 16, 64)], transformer_encoder),
    ]
    for name, inputs, build in nets:
        yield dict(name=name, kind="network", ops=[], inputs=inputs, build=build, range=(-1.0, 1.0),
                   variants=("fp32", "int8"), version=3)


# ---------------------------------------------------------------------------------------------------------------


def quiet_stdout(function):
    """Keras prints where it saves its temporary export; keep the generator's own lines readable."""
    import contextlib

    def wrapped(*args, **kwargs):
        with open(os.devnull, "w") as devnull, contextlib.redirect_stdout(devnull):
            return function(*args, **kwargs)
    return wrapped


def representative_data(recipe, np, count=16):
    rng = np.random.default_rng(SEED)
    lo, hi = recipe["range"]
    for _ in range(count):
        yield [rng.uniform(lo, hi, shape).astype(np.float32) for shape in recipe["inputs"]]


def convert(model, recipe, variant, tf, np):
    converter = tf.lite.TFLiteConverter.from_keras_model(model)
    converter.convert = quiet_stdout(converter.convert)
    if variant != "fp32":
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
        converter.representative_dataset = lambda: representative_data(recipe, np)
        converter.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
        io_type = tf.int8 if variant == "int8" else tf.uint8
        converter.inference_input_type = io_type
        converter.inference_output_type = io_type
    return converter.convert()


def tflite_ops(content):
    """Builtin operator names used by a model, from LiteRT's analyzer-free interpreter view."""
    from ai_edge_litert.interpreter import Interpreter
    interpreter = Interpreter(model_content=content)
    return sorted({op["op_name"] for op in interpreter._get_ops_details()})


def load_manifest(directory):
    path = os.path.join(directory, "manifest.json")
    if os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    return {"recipe_version": RECIPE_VERSION, "models": {}}


def save_manifest(directory, manifest):
    path = os.path.join(directory, "manifest.json")
    with open(path + ".tmp", "w") as f:
        json.dump(manifest, f, indent=1, sort_keys=True)
    os.replace(path + ".tmp", path)


def generate(args):
    quiet_tensorflow()
    import numpy as np
    import tensorflow as tf
    import keras
    tf.config.experimental.enable_op_determinism()

    directory = cache_dir()
    os.makedirs(directory, exist_ok=True)
    manifest = load_manifest(directory)
    recipes = []
    if args.set in ("ops", "all"):
        recipes += list(single_op_recipes(keras, tf))
    if args.set in ("networks", "all"):
        recipes += list(network_recipes(keras, tf))
    if args.only:
        recipes = [r for r in recipes if re.search(args.only, r["name"])]

    made = kept = failed = 0
    for recipe in recipes:
        for variant in recipe["variants"]:
            key = f"{recipe['name']}.{variant}"
            file_name = key + ".tflite"
            path = os.path.join(directory, file_name)
            entry = manifest["models"].get(key)
            version = f"{RECIPE_VERSION}.{recipe.get('version', 1)}"
            if args.list:
                print(f"{key:45s} {'cached' if entry and os.path.exists(path) else 'missing'}")
                continue
            if (not args.force and entry and entry.get("recipe_version") == version
                    and (entry.get("error") or os.path.exists(path))):
                kept += 1
                continue
            start = time.time()
            keras.utils.set_random_seed(SEED)
            try:
                model = recipe["build"]()
                content = convert(model, recipe, variant, tf, np)
            except Exception as e:  # the converter refuses some variants: record why, once
                manifest["models"][key] = dict(recipe_version=version, name=recipe["name"], variant=variant,
                                               kind=recipe["kind"], error=str(e).splitlines()[0][:300])
                print(f"{key}: not generated: {manifest['models'][key]['error']}", file=sys.stderr)
                failed += 1
                save_manifest(directory, manifest)
                continue
            with open(path, "wb") as f:
                f.write(content)
            manifest["models"][key] = dict(
                recipe_version=version, name=recipe["name"], variant=variant, kind=recipe["kind"],
                file=file_name, sha256=hashlib.sha256(content).hexdigest(), bytes=len(content),
                inputs=[list(s) for s in recipe["inputs"]], input_range=list(recipe["range"]),
                ops=tflite_ops(content))
            save_manifest(directory, manifest)
            made += 1
            print(f"{key}: {len(content)} bytes, {time.time() - start:.1f} s")
            keras.backend.clear_session()
    if not args.list:
        print(f"generate_models: {made} generated, {kept} already cached, {failed} not convertible; in {directory}")
    return 0


# ---------------------------------------------------------------------------------------------------------------
# The bundled classifier: a tiny MobileNet-style CNN trained for a few seconds on synthetic 32x32 pictures of
# simple shapes. Small enough to commit, real enough to show top-5 output that means something.

SHAPE_LABELS = ["circle", "square", "triangle", "cross", "horizontal stripes", "vertical stripes", "ring",
                "diagonal line"]


def draw_shape(label, rng, np, size=32):
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
    cx, cy = rng.uniform(11, 21, 2)
    r = rng.uniform(6, 10)
    if label == "circle":
        mask = (xx - cx) ** 2 + (yy - cy) ** 2 <= r * r
    elif label == "square":
        mask = (abs(xx - cx) <= r * 0.8) & (abs(yy - cy) <= r * 0.8)
    elif label == "triangle":
        mask = (yy <= cy + r * 0.7) & (yy - (cy - r) >= 2.0 * abs(xx - cx))
    elif label == "cross":
        mask = ((abs(xx - cx) <= 1.5) | (abs(yy - cy) <= 1.5)) & (abs(xx - cx) <= r) & (abs(yy - cy) <= r)
    elif label == "horizontal stripes":
        mask = (np.floor(yy / 4 + rng.uniform(0, 2)) % 2) == 0
    elif label == "vertical stripes":
        mask = (np.floor(xx / 4 + rng.uniform(0, 2)) % 2) == 0
    elif label == "ring":
        d = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2)
        mask = (d <= r) & (d >= r - 2.5)
    else:  # diagonal line
        mask = (abs((xx - cx) - (yy - cy)) <= 1.5) & (abs(xx - cx) <= r)
    background = rng.uniform(0.0, 0.4, 3).astype(np.float32)
    colour = rng.uniform(0.6, 1.0, 3).astype(np.float32)
    image = np.where(mask[..., None], colour, background) + rng.normal(0, 0.05, (size, size, 3))
    return np.clip(image, 0, 1).astype(np.float32) * 2.0 - 1.0  # inputs in [-1, 1], like MobileNet's


def bundled(args):
    quiet_tensorflow()
    import numpy as np
    import tensorflow as tf
    import keras
    L = keras.layers
    keras.utils.set_random_seed(SEED)
    tf.config.experimental.enable_op_determinism()

    rng = np.random.default_rng(SEED)
    n = 4000
    labels = rng.integers(0, len(SHAPE_LABELS), n)
    images = np.stack([draw_shape(SHAPE_LABELS[k], rng, np) for k in labels])

    inp = keras.Input((32, 32, 3), batch_size=None)
    x = L.ReLU(6.0)(L.BatchNormalization(momentum=0.9)(L.Conv2D(16, 3, strides=2, padding="same", use_bias=False)(inp)))
    for filters, stride in ((32, 1), (64, 2), (64, 1), (128, 2)):
        x = L.ReLU(6.0)(L.BatchNormalization(momentum=0.9)(L.DepthwiseConv2D(3, strides=stride, padding="same",
                                                                   use_bias=False)(x)))
        x = L.ReLU(6.0)(L.BatchNormalization(momentum=0.9)(L.Conv2D(filters, 1, use_bias=False)(x)))
    x = L.GlobalAveragePooling2D()(x)
    out = L.Softmax()(L.Dense(len(SHAPE_LABELS))(x))
    model = keras.Model(inp, out)
    model.compile(optimizer=keras.optimizers.Adam(3e-3), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    start = time.time()
    model.fit(images[:3500], labels[:3500], batch_size=64, epochs=args.epochs, verbose=0, shuffle=True)
    _, accuracy = model.evaluate(images[3500:], labels[3500:], verbose=0)
    print(f"bundled: trained {args.epochs} epochs in {time.time() - start:.1f} s, held-out accuracy {accuracy:.3f}")

    # Batch 1 for the converted model.
    inp1 = keras.Input((32, 32, 3), batch_size=1)
    single = keras.Model(inp1, model(inp1))
    content = quiet_stdout(tf.lite.TFLiteConverter.from_keras_model(single).convert)()

    os.makedirs(args.bundled, exist_ok=True)
    with open(os.path.join(args.bundled, "shapes_classifier.tflite"), "wb") as f:
        f.write(content)
    with open(os.path.join(args.bundled, "shapes_labels.txt"), "w") as f:
        f.write("\n".join(SHAPE_LABELS) + "\n")
    sample = draw_shape("triangle", np.random.default_rng(7), np)[None]
    np.save(os.path.join(args.bundled, "sample_triangle.npy"), sample)
    probabilities = single.predict(sample, verbose=0)[0]
    top = np.argsort(-probabilities)[:3]
    print("bundled: sample_triangle.npy ->", ", ".join(f"{SHAPE_LABELS[i]} {probabilities[i]:.3f}" for i in top))
    print(f"bundled: wrote {len(content)} bytes to {args.bundled}")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="generate only models whose name matches this regular expression")
    parser.add_argument("--set", choices=("ops", "networks", "all"), default="all")
    parser.add_argument("--force", action="store_true", help="regenerate models already in the cache")
    parser.add_argument("--list", action="store_true", help="list the models and whether they are cached")
    parser.add_argument("--bundled", metavar="DIR", help="train the bundled classifier and write it to DIR")
    parser.add_argument("--epochs", type=int, default=8, help="training epochs of the bundled classifier")
    args = parser.parse_args()
    return bundled(args) if args.bundled else generate(args)


if __name__ == "__main__":
    sys.exit(main())
