//
// Builds small .tflite files in memory with the FlatBuffers builders generated from our schema, and runs parsed
// networks on CpuRef. Used by the parser's tests; writes exactly what a test asks for, malformed values included.
//
#pragma once

#include "tflite_generated.h"

#include <armnn/ArmNN.hpp>
#include <armnnTfLiteParser/ITfLiteParser.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace tfltest
{

namespace tfl = tflite_format;

template <typename T>
std::vector<uint8_t> Bytes(const std::vector<T>& values)
{
    std::vector<uint8_t> b(values.size() * sizeof(T));
    if (!b.empty())
    {
        std::memcpy(b.data(), values.data(), b.size());
    }
    return b;
}

template <typename T>
std::vector<T> FromBytes(const std::vector<uint8_t>& bytes)
{
    std::vector<T> v(bytes.size() / sizeof(T));
    if (!v.empty())
    {
        std::memcpy(v.data(), bytes.data(), v.size() * sizeof(T));
    }
    return v;
}

/// TensorFlow Lite sparsity parameters (dim_metadata in traversal order); indices written as Int32Vector.
struct SparsitySpec
{
    struct Dim
    {
        bool dense = true;
        int32_t denseSize = 0;
        std::vector<int32_t> segments, indices;
    };
    std::vector<int32_t> traversalOrder;
    std::vector<int32_t> blockMap;
    std::vector<Dim> dims;
};

struct TensorSpec
{
    std::vector<int32_t> shape;
    tfl::TensorType type = tfl::TensorType_FLOAT32;
    std::vector<uint8_t> data; ///< empty: not constant
    std::vector<float> scales;
    std::vector<int64_t> zeroPoints;
    int32_t quantizedDimension = 0;
    std::string name;
    /// Overrides the buffer index (for malformed files); -1: automatic.
    int64_t bufferIndex = -1;
    /// Sparse constant: `data` holds the stored values only.
    std::vector<SparsitySpec> sparsity; ///< empty or one
    /// shape_signature (-1 for dynamic dimensions); empty: not written.
    std::vector<int32_t> shapeSignature;
    bool hasRank = false;
};

using OptionsWriter = std::function<flatbuffers::Offset<void>(flatbuffers::FlatBufferBuilder&)>;

struct OpSpec
{
    int32_t builtinCode = 0;
    std::string customCode;
    std::vector<int32_t> inputs;
    std::vector<int32_t> outputs;
    tfl::BuiltinOptions optionsType = tfl::BuiltinOptions_NONE;
    OptionsWriter options;
    std::vector<uint8_t> customOptions;
    /// Overrides the operator-code index (for malformed files); -1: automatic.
    int64_t opcodeIndex = -1;
};

struct SubgraphSpec
{
    std::vector<TensorSpec> tensors;
    std::vector<OpSpec> ops;
    std::vector<int32_t> inputs;
    std::vector<int32_t> outputs;
};

/// Subgraph 0 (the main one), plus `moreSubgraphs` (bodies of control-flow operators, other signatures).
struct ModelSpec : SubgraphSpec
{
    std::vector<SubgraphSpec> moreSubgraphs;
};

/// With ARMNN_TFLITE_SEED_DIR set, every model a test builds is also written there (named by a hash of its bytes):
/// seeds for the fuzzer (scripts/fuzz.sh).
inline void DumpSeed(const std::vector<uint8_t>& model)
{
    const char* dir = std::getenv("ARMNN_TFLITE_SEED_DIR");
    if (dir == nullptr || *dir == '\0')
    {
        return;
    }
    uint64_t hash = 14695981039346656037ull; // FNV-1a
    for (uint8_t byte : model)
    {
        hash = (hash ^ byte) * 1099511628211ull;
    }
    char name[32];
    std::snprintf(name, sizeof(name), "%016llx.tflite", static_cast<unsigned long long>(hash));
    std::ofstream(std::string(dir) + "/" + name, std::ios::binary)
        .write(reinterpret_cast<const char*>(model.data()), static_cast<std::streamsize>(model.size()));
}

/// Serializes a model: buffer 0 is the empty sentinel, each constant tensor gets its own buffer, each operator
/// (of every subgraph) its own operator code.
inline std::vector<uint8_t> BuildModel(const ModelSpec& spec)
{
    flatbuffers::FlatBufferBuilder fbb;
    std::vector<flatbuffers::Offset<tfl::Buffer>> buffers{tfl::CreateBuffer(fbb)};
    std::vector<flatbuffers::Offset<tfl::OperatorCode>> codes;
    std::vector<flatbuffers::Offset<tfl::SubGraph>> subgraphs;
    std::vector<const SubgraphSpec*> specs{&spec};
    for (const SubgraphSpec& more : spec.moreSubgraphs)
    {
        specs.push_back(&more);
    }
    for (const SubgraphSpec* sg : specs)
    {
        std::vector<flatbuffers::Offset<tfl::Tensor>> tensors;
        for (const TensorSpec& t : sg->tensors)
        {
            uint32_t buffer = 0;
            if (!t.data.empty())
            {
                fbb.ForceVectorAlignment(t.data.size(), 1, 16);
                buffers.push_back(tfl::CreateBuffer(fbb, fbb.CreateVector(t.data)));
                buffer = static_cast<uint32_t>(buffers.size() - 1);
            }
            if (t.bufferIndex >= 0)
            {
                buffer = static_cast<uint32_t>(t.bufferIndex);
            }
            flatbuffers::Offset<tfl::QuantizationParameters> q;
            if (!t.scales.empty() || !t.zeroPoints.empty())
            {
                q = tfl::CreateQuantizationParameters(fbb, 0, 0, fbb.CreateVector(t.scales), fbb.CreateVector(t.zeroPoints),
                                                      tfl::QuantizationDetails_NONE, 0, t.quantizedDimension);
            }
            flatbuffers::Offset<tfl::SparsityParameters> sparsity;
            if (!t.sparsity.empty())
            {
                const SparsitySpec& sp = t.sparsity[0];
                std::vector<flatbuffers::Offset<tfl::DimensionMetadata>> dims;
                for (const SparsitySpec::Dim& d : sp.dims)
                {
                    if (d.dense)
                    {
                        dims.push_back(tfl::CreateDimensionMetadata(fbb, tfl::DimensionType_DENSE, d.denseSize));
                        continue;
                    }
                    auto segments = tfl::CreateInt32Vector(fbb, fbb.CreateVector(d.segments)).Union();
                    auto indices = tfl::CreateInt32Vector(fbb, fbb.CreateVector(d.indices)).Union();
                    dims.push_back(tfl::CreateDimensionMetadata(fbb, tfl::DimensionType_SPARSE_CSR, 0,
                                                                tfl::SparseIndexVector_Int32Vector, segments,
                                                                tfl::SparseIndexVector_Int32Vector, indices));
                }
                sparsity = tfl::CreateSparsityParameters(fbb, fbb.CreateVector(sp.traversalOrder),
                                                         fbb.CreateVector(sp.blockMap), fbb.CreateVector(dims));
            }
            tensors.push_back(tfl::CreateTensor(fbb, fbb.CreateVector(t.shape), t.type, buffer,
                                                fbb.CreateString(t.name), q, false, sparsity,
                                                t.shapeSignature.empty() ? 0 : fbb.CreateVector(t.shapeSignature),
                                                t.hasRank));
        }
        std::vector<flatbuffers::Offset<tfl::Operator>> ops;
        for (const OpSpec& op : sg->ops)
        {
            const int8_t deprecated = static_cast<int8_t>(std::min<int32_t>(op.builtinCode, 127));
            codes.push_back(tfl::CreateOperatorCode(fbb, deprecated,
                                                    op.customCode.empty() ? 0 : fbb.CreateString(op.customCode), 1,
                                                    static_cast<tfl::BuiltinOperator>(op.builtinCode)));
            const uint32_t index = op.opcodeIndex >= 0 ? static_cast<uint32_t>(op.opcodeIndex)
                                                       : static_cast<uint32_t>(codes.size() - 1);
            flatbuffers::Offset<void> options = op.options ? op.options(fbb) : 0;
            ops.push_back(tfl::CreateOperator(fbb, index, fbb.CreateVector(op.inputs), fbb.CreateVector(op.outputs),
                                              op.options ? op.optionsType : tfl::BuiltinOptions_NONE, options,
                                              op.customOptions.empty() ? 0 : fbb.CreateVector(op.customOptions)));
        }
        subgraphs.push_back(tfl::CreateSubGraph(fbb, fbb.CreateVector(tensors), fbb.CreateVector(sg->inputs),
                                                fbb.CreateVector(sg->outputs), fbb.CreateVector(ops),
                                                fbb.CreateString(sg == &spec ? "main" : "subgraph")));
    }
    auto model = tfl::CreateModel(fbb, 3, fbb.CreateVector(codes), fbb.CreateVector(subgraphs),
                                  fbb.CreateString("test"), fbb.CreateVector(buffers));
    tfl::FinishModelBuffer(fbb, model);
    std::vector<uint8_t> bytes(fbb.GetBufferPointer(), fbb.GetBufferPointer() + fbb.GetSize());
    DumpSeed(bytes);
    return bytes;
}

/// A model with one operator: tensors 0..n-1 as given; inputs are the non-constant operator inputs.
inline std::vector<uint8_t> SingleOpModel(std::vector<TensorSpec> tensors, OpSpec op)
{
    ModelSpec spec;
    for (size_t i = 0; i < tensors.size(); ++i)
    {
        if (tensors[i].name.empty())
        {
            tensors[i].name = "t" + std::to_string(i);
        }
    }
    for (int32_t in : op.inputs)
    {
        if (in >= 0 && static_cast<size_t>(in) < tensors.size() && tensors[static_cast<size_t>(in)].data.empty())
        {
            spec.inputs.push_back(in);
        }
    }
    spec.outputs = op.outputs;
    spec.tensors = std::move(tensors);
    spec.ops.push_back(std::move(op));
    return BuildModel(spec);
}

/// Parses, optimizes for CpuRef, loads and runs a model; inputs and outputs in subgraph order, as raw bytes.
inline std::vector<std::vector<uint8_t>> RunModel(
    const std::vector<uint8_t>& model, const std::vector<std::vector<uint8_t>>& inputs,
    const armnnTfLiteParser::ITfLiteParser::TfLiteParserOptions& options = {})
{
    using namespace armnn;
    auto parser = armnnTfLiteParser::ITfLiteParser::Create(options);
    INetworkPtr network = parser->CreateNetworkFromBinary(model);
    IRuntimePtr runtime = IRuntime::Create(IRuntime::CreationOptions());
    std::vector<std::string> errors;
    IOptimizedNetworkPtr optimized =
        Optimize(*network, {BackendId("CpuRef")}, runtime->GetDeviceSpec(), OptimizerOptionsOpaque(),
                 Optional<std::vector<std::string>&>(errors));
    NetworkId id = 0;
    std::string error;
    if (runtime->LoadNetwork(id, std::move(optimized), error) != Status::Success)
    {
        throw RuntimeException("LoadNetwork failed: " + error);
    }
    InputTensors inputTensors;
    const auto inputNames = parser->GetSubgraphInputTensorNames(0);
    if (inputNames.size() != inputs.size())
    {
        throw RuntimeException("wrong number of inputs");
    }
    for (size_t i = 0; i < inputs.size(); ++i)
    {
        BindingPointInfo b = parser->GetNetworkInputBindingInfo(0, inputNames[i]);
        b.second.SetConstant(true);
        if (b.second.GetNumBytes() != inputs[i].size())
        {
            throw RuntimeException("input " + std::to_string(i) + " has the wrong size");
        }
        inputTensors.emplace_back(b.first, ConstTensor(b.second, inputs[i].data()));
    }
    const auto outputNames = parser->GetSubgraphOutputTensorNames(0);
    std::vector<std::vector<uint8_t>> outputs(outputNames.size());
    OutputTensors outputTensors;
    for (size_t i = 0; i < outputNames.size(); ++i)
    {
        BindingPointInfo b = parser->GetNetworkOutputBindingInfo(0, outputNames[i]);
        outputs[i].resize(b.second.GetNumBytes());
        outputTensors.emplace_back(b.first, Tensor(b.second, outputs[i].data()));
    }
    if (runtime->EnqueueWorkload(id, inputTensors, outputTensors) != Status::Success)
    {
        throw RuntimeException("EnqueueWorkload failed");
    }
    return outputs;
}

/// Runs a float model with float inputs; returns output `index` as floats.
inline std::vector<float> RunFloat(const std::vector<uint8_t>& model, const std::vector<std::vector<float>>& inputs,
                                   size_t index = 0)
{
    std::vector<std::vector<uint8_t>> raw;
    for (const auto& in : inputs)
    {
        raw.push_back(Bytes(in));
    }
    return FromBytes<float>(RunModel(model, raw).at(index));
}

} // namespace tfltest
