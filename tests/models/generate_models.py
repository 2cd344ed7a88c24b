#!/usr/bin/env python3
"""Generates the TensorFlow Lite test models: single-operator models and whole networks, fp32 and quantized.

Models are built with Keras (random weights, fixed seeds) and converted with the TFLite converter. They go to a
cache directory outside the repository (ARMNN_TEST_MODELS, default ~/.cache/armnn-test-models) with a manifest
(manifest.json); a model already there with the same recipe version is not generated again.

Variants:
  fp32   float model
  int8   full-integer quantization (representative dataset), int8 inputs and outputs
  uint8  the same with uint8 inputs and outputs (the converter keeps int8 inside and adds QUANTIZE at the edges)
  fp16   float model with float16 weights (DEQUANTIZE operators turn them into float32)
  sparse float model with sparse constant weights (DENSIFY operators expand them)

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
    import warnings
    absl.logging.set_verbosity(absl.logging.ERROR)
    warnings.filterwarnings("ignore", message="Statistics for quantized inputs were expected")


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
    r["prelu"] = ([img], one(img, lambda x: L.PReLU(alpha_initializer=keras.initializers.RandomUniform(0.0, 0.5),
                                                      shared_axes=[1, 2])(x)), "PRELU")
    r["batch_matmul"] = ([(1, 8, 16), (1, 16, 12)],
                         two((1, 8, 16), (1, 16, 12), lambda a, b: keras.ops.matmul(a, b)), "BATCH_MATMUL")
    for name, (inputs, build, op) in r.items():
        yield dict(name=name, kind="op", ops=[op], inputs=inputs, build=build, range=(-1.0, 1.0),
                   variants=("fp32", "int8", "uint8"))
    # TFLite's CONV_3D is float only: the int8 variant keeps it float between DEQUANTIZE and QUANTIZE.
    vol = (1, 6, 8, 8, 4)
    yield dict(name="conv3d", kind="op", ops=["CONV_3D"], inputs=[vol], range=(-1.0, 1.0), variants=("fp32", "int8"),
               build=one(vol, lambda x: L.Conv3D(8, 3, strides=(1, 2, 1), padding="same", activation="relu",
                                                 bias_initializer="random_uniform")(x)))


def calibrated(model):
    """Sets every batch normalization's statistics to those of one random input, as training would roughly do:
    with Keras's default initialization and identity batch normalizations, activations shrink by orders of magnitude
    through a deep network (SSD's heads would see features near 1e-9, every detection score the same)."""
    import keras
    import numpy as np
    layers = [l for l in model._flatten_layers(include_self=False, recursive=True)
              if isinstance(l, keras.layers.BatchNormalization)]
    for layer in layers:
        layer.momentum = 0.0
    inputs = [np.random.default_rng(SEED).uniform(-1.0, 1.0, (1,) + tuple(i.shape[1:])).astype(np.float32)
              for i in model.inputs]
    model(inputs[0] if len(inputs) == 1 else inputs, training=True)
    return model


def operator_recipes(tf, np):
    """One model per parser operator not covered above, written as TensorFlow functions (no Keras layer needed):
    (name, operator, input shapes, function, variants, input range, input types). int8 only where TFLite has an
    int8 kernel (the converter refuses the others)."""
    rng = np.random.default_rng(SEED)

    def const(*shape, lo=-1.0, hi=1.0):
        return tf.constant(rng.uniform(lo, hi, shape).astype(np.float32))

    f = (1, 8, 8, 6)
    q, fp = ("fp32", "int8"), ("fp32",)
    pos = (0.25, 2.0)  # for logarithms, roots and divisors
    i32 = [tf.int32, tf.int32]
    # Weights are captured constants (not default arguments, which would become model inputs).
    dilated_filter = const(3, 3, 4, 8)
    filter3d = const(2, 3, 2, 3, 5)  # [D, H, W, I, O]
    dense_weights, dense_bias, fp16_filter = const(12, 5), const(5), const(3, 3, 6, 4)
    # 85% zeros: the converter's sparsity optimization stores it sparse, with a DENSIFY operator.
    sparse = rng.uniform(-1.0, 1.0, (3, 3, 8, 16)).astype(np.float32)
    sparse[rng.uniform(size=sparse.shape) < 0.85] = 0.0
    sparse_filter = tf.constant(sparse)
    t = [
        ("abs", "ABS", [f], tf.abs, q),
        ("arg_max", "ARG_MAX", [f], lambda x: tf.math.argmax(x, axis=-1, output_type=tf.int32), q),
        ("arg_min", "ARG_MIN", [f], lambda x: tf.math.argmin(x, axis=1, output_type=tf.int32), q),
        ("batch_to_space_nd", "BATCH_TO_SPACE_ND", [(4, 4, 4, 3)],
         lambda x: tf.batch_to_space(x, [2, 2], [[0, 1], [1, 0]]), q),
        ("cast", "CAST", [f], lambda x: tf.cast(x, tf.int32), fp, (-8.0, 8.0)),
        ("ceil", "CEIL", [f], tf.math.ceil, fp, (-4.0, 4.0)),
        ("conv2d_dilated", "CONV_2D", [(1, 12, 12, 4)],
         lambda x: tf.nn.relu(tf.nn.conv2d(x, dilated_filter, 1, "SAME", dilations=2)), q),
        ("conv3d_dilated_valid", "CONV_3D", [(1, 7, 9, 6, 3)],
         lambda x: tf.nn.conv3d(x, filter3d, [1, 2, 1, 1, 1], "VALID", dilations=[1, 1, 2, 2, 1]), fp),
        ("cos", "COS", [f], tf.math.cos, fp, (-4.0, 4.0)),
        ("depth_to_space", "DEPTH_TO_SPACE", [(1, 4, 4, 8)], lambda x: tf.nn.depth_to_space(x, 2), q),
        ("div", "DIV", [f, f], tf.math.divide, fp, pos),
        ("elu", "ELU", [f], tf.nn.elu, q, (-3.0, 3.0)),
        ("equal", "EQUAL", [f, f], tf.math.equal, fp, (0.0, 4.0), i32),
        ("exp", "EXP", [f], tf.math.exp, q),
        ("floor", "FLOOR", [f], tf.math.floor, fp, (-4.0, 4.0)),
        ("floor_div", "FLOOR_DIV", [f, f], tf.math.floordiv, fp, pos),
        ("gather", "GATHER", [f], lambda x: tf.gather(x, [5, 0, 2, 2], axis=1), q),
        ("gather_nd", "GATHER_ND", [f], lambda x: tf.gather_nd(x, [[0, 1, 2], [0, 7, 0], [0, 3, 3], [0, 1, 2]]), q),
        ("gelu", "GELU", [f], lambda x: tf.nn.gelu(x, approximate=False), q, (-3.0, 3.0)),
        ("greater", "GREATER", [f, f], tf.math.greater, q),
        ("greater_equal", "GREATER_EQUAL", [f, f], tf.math.greater_equal, fp, (0.0, 4.0), i32),
        ("hard_swish", "HARD_SWISH", [f], lambda x: x * tf.nn.relu6(x + 3.0) / 6.0, q, (-5.0, 5.0)),
        ("l2_normalization", "L2_NORMALIZATION", [f], lambda x: tf.math.l2_normalize(x, axis=-1), q),
        ("leaky_relu", "LEAKY_RELU", [f], lambda x: tf.nn.leaky_relu(x, 0.2), q),
        ("less", "LESS", [f, f], tf.math.less, q),
        ("less_equal", "LESS_EQUAL", [f, f], tf.math.less_equal, fp, (0.0, 4.0), i32),
        ("local_response_normalization", "LOCAL_RESPONSE_NORMALIZATION", [f],
         lambda x: tf.nn.local_response_normalization(x, 2, 1.0, 0.5, 0.75), fp),
        ("log", "LOG", [f], tf.math.log, fp, pos),
        ("log_softmax", "LOG_SOFTMAX", [(1, 10)], tf.nn.log_softmax, q, (-3.0, 3.0)),
        ("logical_and", "LOGICAL_AND", [f, f], tf.math.logical_and, fp, (0.0, 1.0), [tf.bool, tf.bool]),
        ("logical_not", "LOGICAL_NOT", [f], tf.math.logical_not, fp, (0.0, 1.0), [tf.bool]),
        ("logical_or", "LOGICAL_OR", [f, f], tf.math.logical_or, fp, (0.0, 1.0), [tf.bool, tf.bool]),
        ("maximum", "MAXIMUM", [f, (1, 1, 1, 6)], tf.math.maximum, q),
        ("minimum", "MINIMUM", [f, f], tf.math.minimum, q),
        ("mirror_pad_reflect", "MIRROR_PAD", [f], lambda x: tf.pad(x, [[0, 0], [2, 1], [1, 2], [0, 0]], "REFLECT"),
         q),
        ("mirror_pad_symmetric", "MIRROR_PAD", [f],
         lambda x: tf.pad(x, [[0, 0], [1, 1], [2, 0], [0, 0]], "SYMMETRIC"), q),
        ("neg", "NEG", [f], tf.math.negative, q),
        ("not_equal", "NOT_EQUAL", [f, f], tf.math.not_equal, fp, (0.0, 4.0), i32),
        ("pack", "PACK", [f, f], lambda a, b: tf.stack([a, b], axis=2), q),
        ("padv2", "PADV2", [f], lambda x: tf.pad(x, [[0, 0], [1, 1], [2, 0], [0, 0]], constant_values=0.5), q),
        ("pow", "POW", [f, f], tf.math.pow, fp, pos),
        ("reduce_max", "REDUCE_MAX", [f], lambda x: tf.reduce_max(x, axis=[1, 2]), q),
        ("reduce_min", "REDUCE_MIN", [f], lambda x: tf.reduce_min(x, axis=3, keepdims=True), q),
        ("reduce_prod", "REDUCE_PROD", [f], lambda x: tf.reduce_prod(x, axis=2), q, (0.5, 1.5)),
        ("reverse_v2", "REVERSE_V2", [f], lambda x: tf.reverse(x, axis=[1, 2]), q),
        ("broadcast_to", "BROADCAST_TO", [(1, 1, 3, 1)], lambda x: tf.broadcast_to(x, [2, 4, 3, 5]), q),
        ("scatter_nd", "SCATTER_ND", [(3, 6)], lambda u: tf.scatter_nd([[1], [4], [0]], u, [6, 6]), q),
        # Row 1 written twice: TFLite adds the two updates. Float only: with int8 TFLite adds the raw quantized
        # values (zero points ignored, wrapping on overflow), which the ScatterNd layer does not reproduce.
        ("scatter_nd_repeated_rows", "SCATTER_ND", [(3, 2, 5)],
         lambda u: tf.scatter_nd([[1, 0], [2, 1], [1, 0]], u, [3, 3, 2, 5]), fp),
        ("relu_n1_to_1", "RELU_N1_TO_1", [f], lambda x: tf.clip_by_value(x, -1.0, 1.0), q, (-2.0, 2.0)),
        ("rsqrt", "RSQRT", [f], tf.math.rsqrt, q, pos),
        ("sin", "SIN", [f], tf.math.sin, fp, (-4.0, 4.0)),
        ("slice", "SLICE", [f], lambda x: tf.slice(x, [0, 1, 2, 0], [1, 5, -1, 4]), q),
        ("space_to_batch_nd", "SPACE_TO_BATCH_ND", [(1, 6, 7, 3)],
         lambda x: tf.space_to_batch(x, [2, 2], [[1, 1], [0, 1]]), q),
        ("space_to_depth", "SPACE_TO_DEPTH", [f], lambda x: tf.nn.space_to_depth(x, 2), q),
        ("split", "SPLIT", [f], lambda x: tf.split(x, 3, axis=3), q),
        ("split_v", "SPLIT_V", [f], lambda x: tf.split(x, [1, 4, 3], axis=1), q),
        ("sqrt", "SQRT", [f], tf.math.sqrt, fp, pos),
        ("square", "SQUARE", [f], tf.math.square, q),
        ("squared_difference", "SQUARED_DIFFERENCE", [f, f], tf.math.squared_difference, q),
        ("strided_slice", "STRIDED_SLICE", [f], lambda x: x[:, 1:7:2, ::-1, 1:], q),
        ("strided_slice_masks", "STRIDED_SLICE", [f], lambda x: x[0, ..., tf.newaxis, 2], q),
        ("sum", "SUM", [f], lambda x: tf.reduce_sum(x, axis=[1, 2], keepdims=True), q),
        ("tile", "TILE", [(1, 4, 3, 2)], lambda x: tf.tile(x, [1, 2, 1, 3]), q),
        ("unpack", "UNPACK", [f], lambda x: tf.unstack(x, axis=1), q),
        ("batch_matmul_adj", "BATCH_MATMUL", [(2, 8, 5), (2, 6, 8)],
         lambda a, b: tf.linalg.matmul(a, b, adjoint_a=True, adjoint_b=True), q),
        ("fully_connected_keep_dims", "FULLY_CONNECTED", [(1, 4, 12)],
         lambda x: tf.matmul(x, dense_weights) + dense_bias, q),
        ("relu6_standalone", "RELU6", [f], tf.nn.relu6, q, (-2.0, 8.0)),
        ("resize_nearest_half_pixel", "RESIZE_NEAREST_NEIGHBOR", [f],
         lambda x: tf.image.resize(x, [13, 20], "nearest"), q),
        ("resize_nearest_align_corners", "RESIZE_NEAREST_NEIGHBOR", [f],
         lambda x: tf.compat.v1.image.resize_nearest_neighbor(x, [15, 11], align_corners=True), q),
        ("resize_bilinear_align_corners", "RESIZE_BILINEAR", [f],
         lambda x: tf.compat.v1.image.resize_bilinear(x, [15, 11], align_corners=True), q),
        ("resize_bilinear_half_pixel_down", "RESIZE_BILINEAR", [f],
         lambda x: tf.image.resize(x, [5, 11], "bilinear"), q),
        ("densify_conv2d", "DENSIFY", [(1, 8, 8, 8)], lambda x: tf.nn.conv2d(x, sparse_filter, 1, "SAME"), ("sparse",)),
        ("dequantize_fp16_conv2d", "DEQUANTIZE", [f],
         lambda x: tf.nn.conv2d(x, fp16_filter, 1, "SAME"), ("fp16",)),
    ]
    for entry in t:
        name, op, inputs, fn, variants = entry[:5]
        value_range = entry[5] if len(entry) > 5 else (-1.0, 1.0)
        types = entry[6] if len(entry) > 6 else [tf.float32] * len(inputs)

        def build(fn=fn, inputs=inputs, types=types):
            specs = [tf.TensorSpec(shape, dtype) for shape, dtype in zip(inputs, types)]
            return tf.function(fn, input_signature=specs, autograph=False).get_concrete_function()
        yield dict(name=name, kind="op", ops=[op], inputs=inputs, build=build, range=value_range, variants=variants)


# ---------------------------------------------------------------------------------------------------------------
# Operators the converter never emits on static shapes (it folds or rewrites them: EXPAND_DIMS and SQUEEZE become
# RESHAPE, SHAPE and FILL are constant-folded, TensorFlow has no L2 pooling op): written straight into a flatbuffer
# with the schema's object API that ai_edge_litert ships.


def flatbuffer_model(np, build):
    """build(tensor, op) adds tensors and operators and returns (inputs, outputs); the model's bytes."""
    import flatbuffers
    from ai_edge_litert import schema_py_generated as schema
    model = schema.ModelT()
    model.version, model.description = 3, b"armnn test model"
    model.buffers = [schema.BufferT()]
    model.operatorCodes = []
    graph = schema.SubGraphT()
    graph.tensors, graph.operators = [], []

    def tensor(name, shape, tensor_type="FLOAT32", data=None, quant=None):
        t = schema.TensorT()
        t.name, t.shape = name.encode(), np.array(shape, dtype=np.int32)
        t.type = getattr(schema.TensorType, tensor_type)
        t.buffer = 0
        if data is not None:
            buffer = schema.BufferT()
            buffer.data = np.frombuffer(np.ascontiguousarray(data).tobytes(), dtype=np.uint8)
            model.buffers.append(buffer)
            t.buffer = len(model.buffers) - 1
        if quant is not None:
            t.quantization = schema.QuantizationParametersT()
            t.quantization.scale, t.quantization.zeroPoint = [quant[0]], [quant[1]]
        graph.tensors.append(t)
        return len(graph.tensors) - 1

    def op(name, inputs, outputs, options=None):
        code = getattr(schema.BuiltinOperator, name)
        codes = [c.builtinCode for c in model.operatorCodes]
        if code not in codes:
            c = schema.OperatorCodeT()
            c.builtinCode, c.deprecatedBuiltinCode, c.version = code, min(code, 127), 1
            model.operatorCodes.append(c)
            codes.append(code)
        o = schema.OperatorT()
        o.opcodeIndex = codes.index(code)
        o.inputs, o.outputs = np.array(inputs, dtype=np.int32), np.array(outputs, dtype=np.int32)
        if options is not None:
            kind, fields = options
            o.builtinOptionsType = getattr(schema.BuiltinOptions, kind)
            o.builtinOptions = getattr(schema, kind + "T")()
            for key, value in fields.items():
                setattr(o.builtinOptions, key, value)
        graph.operators.append(o)

    inputs, outputs = build(tensor, op, schema)
    graph.inputs, graph.outputs = np.array(inputs, dtype=np.int32), np.array(outputs, dtype=np.int32)
    model.subgraphs = [graph]
    builder = flatbuffers.Builder(1024)
    builder.Finish(model.Pack(builder), file_identifier=b"TFL3")
    return bytes(builder.Output())


def handwritten_recipes(np):
    q8 = (1.0 / 128.0, 0)  # int8 variants: inputs in [-1, 1)

    def types(variant):
        return ("INT8", q8) if variant == "int8" else ("FLOAT32", None)

    def expand_dims(tensor, op, schema, variant):
        t, q = types(variant)
        x = tensor("x", (1, 8, 6), t, quant=q)
        axis = tensor("axis", (), "INT32", np.array(2, dtype=np.int32))
        y = tensor("y", (1, 8, 1, 6), t, quant=q)
        op("EXPAND_DIMS", [x, axis], [y], ("ExpandDimsOptions", {}))
        return [x], [y]

    def squeeze(tensor, op, schema, variant):
        t, q = types(variant)
        x = tensor("x", (1, 8, 1, 6), t, quant=q)
        y = tensor("y", (1, 8, 6), t, quant=q)
        op("SQUEEZE", [x], [y], ("SqueezeOptions", {"squeezeDims": [2]}))
        return [x], [y]

    def shape(tensor, op, schema, variant):
        x = tensor("x", (1, 8, 8, 6))
        y = tensor("y", (4,), "INT32")
        op("SHAPE", [x], [y], ("ShapeOptions", {"outType": schema.TensorType.INT32}))
        return [x], [y]

    def fill(tensor, op, schema, variant):
        x = tensor("x", (2, 3))
        dims = tensor("dims", (2,), "INT32", np.array([2, 3], dtype=np.int32))
        value = tensor("value", (), "FLOAT32", np.array(0.5, dtype=np.float32))
        filled = tensor("filled", (2, 3))
        y = tensor("y", (2, 3))
        op("FILL", [dims, value], [filled], ("FillOptions", {}))
        op("ADD", [x, filled], [y], ("AddOptions", {}))
        return [x], [y]

    def l2_pool(tensor, op, schema, variant):
        x = tensor("x", (1, 8, 8, 6))
        y = tensor("y", (1, 4, 4, 6))
        op("L2_POOL_2D", [x], [y], ("Pool2DOptions", {"padding": schema.Padding.SAME, "strideW": 2, "strideH": 2,
                                                      "filterWidth": 3, "filterHeight": 3}))
        return [x], [y]

    for name, op_name, inputs, build, variants in (
            ("expand_dims", "EXPAND_DIMS", [(1, 8, 6)], expand_dims, ("fp32", "int8")),
            ("squeeze", "SQUEEZE", [(1, 8, 1, 6)], squeeze, ("fp32", "int8")),
            ("shape", "SHAPE", [(1, 8, 8, 6)], shape, ("fp32",)),
            ("fill", "FILL", [(2, 3)], fill, ("fp32",)),
            ("l2_pool2d", "L2_POOL_2D", [(1, 8, 8, 6)], l2_pool, ("fp32",))):
        yield dict(name=name, kind="op", ops=[op_name], inputs=inputs, range=(-1.0, 1.0), variants=variants,
                   version=2,  # expand_dims and squeeze were TensorFlow functions (that became RESHAPE) before
                   flatbuffer=lambda variant, build=build: flatbuffer_model(
                       np, lambda tensor, op, schema: build(tensor, op, schema, variant)))


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

    def mobilenet_v3_small():
        # Squeeze-and-excitation blocks and hard-swish (HARD_SWISH, and MUL by a HARD_SIGMOID-style gate).
        return batch_one(apps.MobileNetV3Small(input_shape=(96, 96, 3), alpha=0.75, weights=None, classes=1000,
                                               classifier_activation=None, include_preprocessing=False), 96)

    def inception_v3():
        # The full Inception v3 operator mix (asymmetric 1x7/7x1 convolutions, parallel branches, concatenations)
        # at the smallest input the application accepts that keeps every branch non-empty.
        return batch_one(apps.InceptionV3(input_shape=(96, 96, 3), weights=None, classes=1000,
                                          classifier_activation=None), 96)

    def efficientnet_lite0():
        # EfficientNet-lite0: MBConv blocks with ReLU6 and without squeeze-and-excitation (the "lite" changes);
        # the B0 stage table (expansion, channels, repeats, stride, kernel) at a reduced input size.
        inp = keras.Input((128, 128, 3), batch_size=1)
        x = L.ReLU(6.0)(L.BatchNormalization()(L.Conv2D(32, 3, strides=2, padding="same", use_bias=False)(inp)))
        channels = 32
        for expand, out, repeats, stride, kernel in ((1, 16, 1, 1, 3), (6, 24, 2, 2, 3), (6, 40, 2, 2, 5),
                                                     (6, 80, 3, 2, 3), (6, 112, 3, 1, 5), (6, 192, 4, 2, 5),
                                                     (6, 320, 1, 1, 3)):
            for i in range(repeats):
                y = x
                if expand != 1:
                    y = L.ReLU(6.0)(L.BatchNormalization()(L.Conv2D(channels * expand, 1, use_bias=False)(y)))
                y = L.DepthwiseConv2D(kernel, strides=stride if i == 0 else 1, padding="same", use_bias=False)(y)
                y = L.ReLU(6.0)(L.BatchNormalization()(y))
                y = L.BatchNormalization()(L.Conv2D(out, 1, use_bias=False)(y))
                x = L.Add()([x, y]) if (i > 0 or stride == 1) and channels == out else y
                channels = out
        x = L.ReLU(6.0)(L.BatchNormalization()(L.Conv2D(1280, 1, use_bias=False)(x)))
        return keras.Model(inp, L.Dense(1000)(L.GlobalAveragePooling2D()(x)))

    def deeplab_v3():
        # DeepLab v3 on a MobileNet v2 backbone at output stride 16: the last stage with atrous (dilated)
        # depthwise convolutions, ASPP (1x1, three atrous 3x3 branches, image pooling resized back), and bilinear
        # upsampling of the 21-class logits to the input size.
        size = 128
        inp = keras.Input((size, size, 3), batch_size=1)
        backbone = apps.MobileNetV2(input_shape=(size, size, 3), alpha=0.5, weights=None, include_top=False)
        feature = keras.Model(backbone.input, backbone.get_layer("block_13_expand_relu").output)(inp)
        x = L.ReLU(6.0)(L.Conv2D(160, 1, use_bias=False)(feature))
        x = L.ReLU(6.0)(L.DepthwiseConv2D(3, dilation_rate=2, padding="same", use_bias=False)(x))
        x = L.Conv2D(96, 1, use_bias=False)(x)
        branches = [L.ReLU()(L.Conv2D(64, 1)(x))]
        for rate in (2, 4, 6):
            branches.append(L.ReLU()(L.Conv2D(64, 3, dilation_rate=rate, padding="same")(x)))
        pooled = L.ReLU()(L.Conv2D(64, 1)(L.GlobalAveragePooling2D(keepdims=True)(x)))
        branches.append(L.UpSampling2D(size // 16, interpolation="bilinear")(pooled))
        x = L.ReLU()(L.Conv2D(64, 1)(L.Concatenate()(branches)))
        logits = L.Conv2D(21, 1)(x)
        return keras.Model(inp, L.Resizing(size, size, interpolation="bilinear")(logits))

    def posenet():
        # PoseNet: a MobileNet v1 backbone at output stride 16 and four 1x1 heads (17 keypoint heatmaps with a
        # sigmoid, 34 offsets, 32 forward and 32 backward displacements).
        size = 161
        inp = keras.Input((size, size, 3), batch_size=1)
        backbone = apps.MobileNet(input_shape=(size, size, 3), alpha=0.5, weights=None, include_top=False)
        x = keras.Model(backbone.input, backbone.get_layer("conv_pw_11_relu").output)(inp)
        heads = [L.Activation("sigmoid")(L.Conv2D(17, 1)(x)), L.Conv2D(34, 1)(x), L.Conv2D(32, 1)(x),
                 L.Conv2D(32, 1)(x)]
        return keras.Model(inp, heads)

    def blazeface():
        # BlazeFace (front model): 5x5 depthwise BlazeBlocks, residuals through max pooling and channel padding
        # when the block downsamples or widens, 896 anchors' regressors (16 values) and classifier logits.
        inp = keras.Input((128, 128, 3), batch_size=1)
        x = L.ReLU()(L.Conv2D(24, 5, strides=2, padding="same")(inp))

        def blaze_block(x, out, stride=1):
            channels = x.shape[-1]
            y = L.Conv2D(out, 1)(L.DepthwiseConv2D(5, strides=stride, padding="same")(x))
            if stride == 2:
                x = L.MaxPooling2D(2)(x)
            if out > channels:  # zero channels appended to the shortcut (a PAD on the channel axis)
                x = keras.ops.pad(x, [[0, 0], [0, 0], [0, 0], [0, out - channels]])
            return L.ReLU()(L.Add()([x, y]))

        for out, stride in ((24, 1), (28, 1), (32, 2), (36, 1), (42, 1), (48, 2), (56, 1), (64, 1), (72, 1),
                            (80, 1), (88, 1)):
            x = blaze_block(x, out, stride)
        f16 = x
        for out, stride in ((96, 2), (96, 1), (96, 1), (96, 1), (96, 1)):
            x = blaze_block(x, out, stride)
        f8 = x
        regressors = L.Concatenate(axis=1)([L.Reshape((-1, 16))(L.Conv2D(2 * 16, 1)(f16)),
                                            L.Reshape((-1, 16))(L.Conv2D(6 * 16, 1)(f8))])
        classifiers = L.Concatenate(axis=1)([L.Reshape((-1, 1))(L.Conv2D(2, 1)(f16)),
                                             L.Reshape((-1, 1))(L.Conv2D(6, 1)(f8))])
        return keras.Model(inp, [regressors, classifiers])


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
    # Networks added later (recipe version 1); uint8 where deployed models used it (the converter keeps int8
    # inside and quantizes at the edges).
    nets = [
        ("mobilenet_v3_small_0.75_96", [(1, 96, 96, 3)], mobilenet_v3_small, ("fp32", "int8")),
        ("efficientnet_lite0_128", [(1, 128, 128, 3)], efficientnet_lite0, ("fp32", "int8", "uint8")),
        ("inception_v3_96", [(1, 96, 96, 3)], inception_v3, ("fp32", "int8")),
        ("deeplab_v3_mobilenet_v2_128", [(1, 128, 128, 3)], deeplab_v3, ("fp32", "int8")),
        ("posenet_mobilenet_v1_161", [(1, 161, 161, 3)], posenet, ("fp32", "int8")),
        ("blazeface_128", [(1, 128, 128, 3)], blazeface, ("fp32", "int8")),
        # float16 weights, dequantized by DEQUANTIZE operators at load time.
        ("mobilenet_v2_0.35_96", [(1, 96, 96, 3)], mobilenet_v2, ("fp16",)),
    ]
    for name, inputs, build, variants in nets:
        yield dict(name=name, kind="network", ops=[], inputs=inputs, build=lambda build=build: calibrated(build()),
                   range=(-1.0, 1.0), variants=variants)
    yield dict(name="ssd_mobilenet_v2", kind="network", ops=[], inputs=[(1, 300, 300, 3)],
               build=lambda: calibrated(ssd_mobilenet_v2()),
               range=(-1.0, 1.0), variants=("fp32", "int8", "uint8"), postprocess=add_detection_postprocess,
               # LiteRT's TFLite_Detection_PostProcess takes float or uint8 inputs, not int8: the int8 model
               # dequantizes its two head outputs for it.
               output_types={"int8": tf.float32})


# ---------------------------------------------------------------------------------------------------------------
# SSD MobileNet v2: the Keras part ends with raw box encodings [1, anchors, 4] and class scores [1, anchors, 91]
# (sigmoid, class 0 the background); the converter cannot emit TFLite_Detection_PostProcess, so a post-processing
# step appends that custom operator to the flatbuffer, with the anchors as a constant, as the TF object detection
# export does.

SSD_SIZE = 300
SSD_CLASSES = 90
SSD_FEATURE_MAPS = (19, 10, 5, 3, 2, 1)
SSD_ASPECT_RATIOS = (1.0, 2.0, 0.5)


def ssd_anchors(np):
    """[anchors, 4] (y_center, x_center, height, width), in the order the heads' reshapes produce."""
    anchors = []
    count = len(SSD_FEATURE_MAPS)
    for level, size in enumerate(SSD_FEATURE_MAPS):
        scale = 0.2 + 0.75 * level / (count - 1)
        for y in range(size):
            for x in range(size):
                for ratio in SSD_ASPECT_RATIOS:
                    anchors.append(((y + 0.5) / size, (x + 0.5) / size, scale / np.sqrt(ratio),
                                    scale * np.sqrt(ratio)))
    return np.array(anchors, dtype=np.float32)


def ssd_mobilenet_v2():
    import keras
    L = keras.layers
    inp = keras.Input((SSD_SIZE, SSD_SIZE, 3), batch_size=1)
    backbone = keras.applications.MobileNetV2(input_shape=(SSD_SIZE, SSD_SIZE, 3), alpha=1.0, weights=None,
                                              include_top=False)
    # Stride 16 (19x19) and stride 32 (10x10) backbone features, then four extra 3x3/2 layers down to 1x1.
    features = keras.Model(backbone.input, [backbone.get_layer("block_13_expand_relu").output,
                                            backbone.get_layer("out_relu").output])(inp)
    maps = list(features)
    x = maps[-1]
    for depth in (512, 256, 256, 128):
        x = L.ReLU(6.0)(L.BatchNormalization()(L.Conv2D(depth // 2, 1, use_bias=False)(x)))
        x = L.ReLU(6.0)(L.BatchNormalization()(L.Conv2D(depth, 3, strides=2, padding="same", use_bias=False)(x)))
        maps.append(x)
    k = len(SSD_ASPECT_RATIOS)
    boxes, scores = [], []
    for feature in maps:
        # Box predictor: depthwise 3x3 + 1x1, as SSDLite does.
        def depthwise(x):
            return L.ReLU(6.0)(L.BatchNormalization()(L.DepthwiseConv2D(3, padding="same", use_bias=False)(x)))
        b = L.Conv2D(k * 4, 1)(depthwise(feature))
        # Biases well below zero, as trained detectors have: most scores low, a few above the NMS threshold
        # (with random weights and zero biases every score would sit near 0.5, all tied).
        c = L.Conv2D(k * (SSD_CLASSES + 1), 1, bias_initializer=keras.initializers.RandomNormal(-3.0, 0.5))(
            depthwise(feature))
        boxes.append(L.Reshape((-1, 4))(b))
        scores.append(L.Reshape((-1, SSD_CLASSES + 1))(c))
    box_encodings = L.Concatenate(axis=1)(boxes)
    class_scores = L.Activation("sigmoid")(L.Concatenate(axis=1)(scores))
    return keras.Model(inp, [box_encodings, class_scores])


def add_detection_postprocess(content, np):
    """Appends TFLite_Detection_PostProcess (box encodings, class scores, anchors -> boxes, classes, scores,
    count) to a converted SSD model and makes its four outputs the model's outputs."""
    import flatbuffers
    from flatbuffers import flexbuffers
    from ai_edge_litert import schema_py_generated as schema

    model = schema.ModelT.InitFromObj(schema.Model.GetRootAs(content, 0))
    graph = model.subgraphs[0]
    # Which converted output is which: by shape (the converter does not keep the Keras output order).
    outputs = {tuple(graph.tensors[i].shape)[-1]: i for i in graph.outputs}
    box_index, score_index = outputs[4], outputs[SSD_CLASSES + 1]

    anchors = ssd_anchors(np)
    buffer = schema.BufferT()
    anchors_type = graph.tensors[box_index].type
    if anchors_type == schema.TensorType.UINT8:
        # LiteRT reads the anchors in the box encodings' type: quantized models carry uint8 anchors.
        anchor_scale = float(anchors.max()) / 255.0
        buffer.data = np.round(anchors / anchor_scale).astype(np.uint8).ravel()
    else:
        buffer.data = np.frombuffer(anchors.tobytes(), dtype=np.uint8)
    model.buffers.append(buffer)

    def tensor(name, shape, buffer_index=0, tensor_type=schema.TensorType.FLOAT32):
        t = schema.TensorT()
        t.name, t.shape, t.type, t.buffer = name.encode(), np.array(shape, dtype=np.int32), tensor_type, buffer_index
        graph.tensors.append(t)
        return len(graph.tensors) - 1

    anchors_index = tensor("anchors", anchors.shape, len(model.buffers) - 1, anchors_type)
    if anchors_type == schema.TensorType.UINT8:
        graph.tensors[anchors_index].quantization = schema.QuantizationParametersT()
        graph.tensors[anchors_index].quantization.scale = [anchor_scale]
        graph.tensors[anchors_index].quantization.zeroPoint = [0]
    max_detections = 10
    new_outputs = [tensor("detection_boxes", (1, max_detections, 4)),
                   tensor("detection_classes", (1, max_detections)),
                   tensor("detection_scores", (1, max_detections)),
                   tensor("num_detections", (1,))]
    code = schema.OperatorCodeT()
    code.builtinCode = code.deprecatedBuiltinCode = schema.BuiltinOperator.CUSTOM
    code.customCode, code.version = b"TFLite_Detection_PostProcess", 1
    model.operatorCodes.append(code)
    op = schema.OperatorT()
    op.opcodeIndex = len(model.operatorCodes) - 1
    op.inputs = np.array([box_index, score_index, anchors_index], dtype=np.int32)
    op.outputs = np.array(new_outputs, dtype=np.int32)
    op.customOptions = np.frombuffer(bytes(flexbuffers.Dumps({
        "max_detections": max_detections, "max_classes_per_detection": 1, "detections_per_class": 100,
        "use_regular_nms": False, "nms_score_threshold": 0.3, "nms_iou_threshold": 0.6,
        "num_classes": SSD_CLASSES, "y_scale": 10.0, "x_scale": 10.0, "h_scale": 5.0, "w_scale": 5.0})),
        dtype=np.uint8)
    op.customOptionsFormat = schema.CustomOptionsFormat.FLEXBUFFERS
    graph.operators.append(op)
    graph.outputs = np.array(new_outputs, dtype=np.int32)
    builder = flatbuffers.Builder(len(content) + anchors.nbytes + 4096)
    builder.Finish(model.Pack(builder), file_identifier=b"TFL3")
    return bytes(builder.Output())


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
    if isinstance(model, tf.types.experimental.ConcreteFunction):
        converter = tf.lite.TFLiteConverter.from_concrete_functions([model])
    else:
        converter = tf.lite.TFLiteConverter.from_keras_model(model)
    converter.convert = quiet_stdout(converter.convert)
    if variant == "sparse":
        converter.optimizations = [tf.lite.Optimize.EXPERIMENTAL_SPARSITY]
    elif variant == "fp16":
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
        converter.target_spec.supported_types = [tf.float16]
    elif variant != "fp32":
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
        converter.representative_dataset = lambda: representative_data(recipe, np)
        converter.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
        io_type = tf.int8 if variant == "int8" else tf.uint8
        converter.inference_input_type = io_type
        converter.inference_output_type = recipe.get("output_types", {}).get(variant, io_type)
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


def save_manifest(directory, manifest, key):
    """Writes one entry: re-reads the file first, so that another generator run into the same cache directory
    (another build tree) keeps its own entries."""
    entry = manifest["models"][key]
    manifest = load_manifest(directory)
    manifest["models"][key] = entry
    path = os.path.join(directory, "manifest.json")
    with open(path + f".{os.getpid()}.tmp", "w") as f:
        json.dump(manifest, f, indent=1, sort_keys=True)
    os.replace(path + f".{os.getpid()}.tmp", path)


def generate(args):
    quiet_tensorflow()
    import numpy as np
    import tensorflow as tf
    import keras
    tf.config.experimental.enable_op_determinism()
    tf.get_logger().setLevel("ERROR")  # deprecation notes of the tf.compat.v1 resize functions

    directory = cache_dir()
    os.makedirs(directory, exist_ok=True)
    manifest = load_manifest(directory)
    recipes = []
    if args.set in ("ops", "all"):
        recipes += list(single_op_recipes(keras, tf)) + list(operator_recipes(tf, np)) + list(handwritten_recipes(np))
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
                if "flatbuffer" in recipe:
                    content = recipe["flatbuffer"](variant)
                else:
                    content = convert(recipe["build"](), recipe, variant, tf, np)
                if recipe.get("postprocess"):
                    content = recipe["postprocess"](content, np)
            except Exception as e:  # the converter refuses some variants: record why, once
                manifest["models"][key] = dict(recipe_version=version, name=recipe["name"], variant=variant,
                                               kind=recipe["kind"], error=str(e).splitlines()[0][:300])
                print(f"{key}: not generated: {manifest['models'][key]['error']}", file=sys.stderr)
                failed += 1
                save_manifest(directory, manifest, key)
                continue
            with open(path, "wb") as f:
                f.write(content)
            manifest["models"][key] = dict(
                recipe_version=version, name=recipe["name"], variant=variant, kind=recipe["kind"],
                file=file_name, sha256=hashlib.sha256(content).hexdigest(), bytes=len(content),
                inputs=[list(s) for s in recipe["inputs"]], input_range=list(recipe["range"]),
                ops=tflite_ops(content))
            save_manifest(directory, manifest, key)
            missing = set(recipe["ops"]) - set(manifest["models"][key]["ops"])
            if missing:  # the converter lowered the operator to others: the model does not test what it says
                print(f"{key}: WARNING: the converter did not emit {', '.join(sorted(missing))}", file=sys.stderr)
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
